import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { invitationAcceptSchema, serializeInvitedUser } from "@/lib/api/admin/invitations";
import { requestOrigin } from "@/lib/api/request-origin";
import { acceptInvitation } from "@/lib/domain/invitations/accept-invitation";

export const dynamic = "force-dynamic";

/** POST {token, name, password} → 201 with the new user, who can sign in next. */
export const POST = api(async (req: NextRequest) => {
  const { data } = await readBody(req);
  const user = await acceptInvitation(invitationAcceptSchema.parse(data), requestOrigin(req));
  return json(serializeInvitedUser(user), { status: 201 });
}, { account: true });

export const GET = methodNotAllowed(["POST"]);
