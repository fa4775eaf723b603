import { redirect } from "next/navigation";
import { requireAdminPage } from "./_lib/require-admin";

export const dynamic = "force-dynamic";

/** The admin area opens on its users page; non-admins get the same 404 as on every admin page. */
export default async function AdminHome(): Promise<never> {
  await requireAdminPage("/admin/");
  redirect("/admin/users/");
}
