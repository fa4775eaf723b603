import type { Profile } from "@/lib/domain/users/update-profile";

export function serializeMe(p: Profile) {
  return { id: p.id, email: p.email, name: p.name, role: p.role, has_password: p.hasPassword };
}
