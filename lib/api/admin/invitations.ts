import { z } from "zod";
import { idSchema, listParams, pageOf } from "@/lib/schemas/common";
import type { ApiOperation } from "@/lib/schemas/operation";
import type { Actor } from "@/lib/domain/actor";
import { INVITABLE_ROLES, INVITATION_STATUSES, invitationStatus, type InvitationRow } from "@/lib/domain/invitations/invitation-select";
import type { InvitationFilter } from "@/lib/domain/invitations/list-invitations";
import { iso } from "@/lib/time/iso";

/** Wire shapes of the invitation endpoints (/api/v1/admin/invitations/, /api/v1/auth/invitations/accept/). */
const blank = { error: "This field may not be blank." };
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `"${String(iss.input)}" is not a valid choice.` });

export const invitationCreateSchema = z
  .object({
    email: z.string().trim().min(1, blank).max(254, { error: "Ensure this field has no more than 254 characters." }).pipe(z.email({ error: "Enter a valid email address." })),
    role: choice(INVITABLE_ROLES).meta({ description: "customer_service or sales_manager (agents), admin, or super_admin (only a super_admin may invite one)." }),
    team: idSchema.nullable().optional().meta({ description: "The team the new user joins." }),
  })
  .meta({ id: "InvitationCreate" });

export const invitationListQuerySchema = z
  .object({
    status: choice(INVITATION_STATUSES).optional(),
    search: z.string().max(200, { error: "Search is limited to 200 characters." }).optional().meta({ description: "Substring of the address (case-insensitive)." }),
    ...listParams,
  })
  .meta({ id: "InvitationListQuery" });

export const invitationAcceptSchema = z
  .object({
    token: z.string().trim().min(1, blank).max(200, { error: "This invitation link is invalid." }),
    name: z.string().trim().min(1, blank).max(200, { error: "Ensure this field has no more than 200 characters." }),
    password: z.string().min(1, blank).max(1024, { error: "Ensure this field has no more than 1024 characters." }),
  })
  .meta({ id: "InvitationAccept" });

export const INVITATION_FIELD_NAMES: Readonly<Record<string, string>> = { teamId: "team" };

export function toInvitationFilter(q: z.output<typeof invitationListQuerySchema>): InvitationFilter {
  return { ...(q.status ? { status: q.status } : {}), ...(q.search ? { search: q.search } : {}) };
}

export function serializeInvitation(i: InvitationRow) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    team: i.team ? { id: i.team.id, name: i.team.name } : null,
    status: invitationStatus(i),
    invited_by: i.invitedBy ? { id: i.invitedBy.id, name: i.invitedBy.name, email: i.invitedBy.email } : null,
    user: i.userId,
    expires_at: iso(i.expiresAt),
    accepted_at: iso(i.acceptedAt),
    revoked_at: iso(i.revokedAt),
    created_at: iso(i.createdAt),
  };
}

/** The account an accepted invitation created. */
export function serializeInvitedUser(u: Actor) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, team: u.teamId };
}

const isoOut = z.string().meta({ format: "date-time" });
const uuid = z.string().meta({ format: "uuid" });
const ref = z.object({ id: uuid, name: z.string() }).strict();
export const invitationOut = z
  .object({
    id: uuid,
    email: z.string(),
    role: z.enum(INVITABLE_ROLES),
    team: ref.nullable(),
    status: z.enum(INVITATION_STATUSES).meta({ description: "pending, accepted, revoked or expired (derived from the timestamps)." }),
    invited_by: z.object({ id: uuid, name: z.string(), email: z.string() }).strict().nullable(),
    user: uuid.nullable().meta({ description: "The account created by accepting it." }),
    expires_at: isoOut,
    accepted_at: isoOut.nullable(),
    revoked_at: isoOut.nullable(),
    created_at: isoOut,
  })
  .strict()
  .meta({ id: "Invitation" });
export const invitationPageOut = pageOf(invitationOut, "InvitationPage");
export const invitedUserOut = z
  .object({ id: uuid, email: z.string(), name: z.string(), role: z.string(), team: uuid.nullable() })
  .strict()
  .meta({ id: "InvitedUser" });

export const invitationOperations: ApiOperation[] = [
  { method: "get", path: "/api/v1/admin/invitations/", tag: "admin", summary: "List invitations", query: invitationListQuerySchema, response: invitationPageOut },
  { method: "post", path: "/api/v1/admin/invitations/", tag: "admin", summary: "Invite an agent or admin by email", body: invitationCreateSchema, response: invitationOut, status: 201 },
  { method: "delete", path: "/api/v1/admin/invitations/{id}/", tag: "admin", summary: "Revoke an invitation" },
  { method: "post", path: "/api/v1/admin/invitations/{id}/resend/", tag: "admin", summary: "Email an invitation again with a new link", response: invitationOut },
  { method: "post", path: "/api/v1/auth/invitations/accept/", tag: "auth", summary: "Accept an invitation: set a name and password", body: invitationAcceptSchema, response: invitedUserOut, status: 201, public: true },
];
