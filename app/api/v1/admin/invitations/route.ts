import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { INVITATION_FIELD_NAMES, invitationCreateSchema, invitationListQuerySchema, serializeInvitation, toInvitationFilter } from "@/lib/api/admin/invitations";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActorWith } from "@/lib/auth/request-actor";
import { inviteUser } from "@/lib/domain/invitations/invite-user";
import { INVITATION_KEYS, listInvitations } from "@/lib/domain/invitations/list-invitations";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "invitation:manage");
  const filter = toInvitationFilter(parseQuery(req, invitationListQuerySchema));
  return json(
    await listPage(req.nextUrl, {
      name: "admin.invitations",
      keys: INVITATION_KEYS,
      load: (page) => listInvitations(actor, filter, page),
      serialize: serializeInvitation,
    }),
  );
});

/** POST {email, role, team?} → 201: the invitation; its email is queued. */
export const POST = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "invitation:manage");
  const { data } = await readBody(req);
  const input = invitationCreateSchema.parse(data);
  const inv = await inviteUser(actor, { email: input.email, role: input.role, teamId: input.team ?? null }, requestOrigin(req));
  return json(serializeInvitation(inv), { status: 201, headers: { Location: `/api/v1/admin/invitations/${inv.id}/` } });
}, { fields: INVITATION_FIELD_NAMES, idempotent: true, account: true });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
