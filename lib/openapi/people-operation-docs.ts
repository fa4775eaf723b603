import type { OperationDoc } from "./operation-docs";

/** Descriptions of the invitation, team and company operations (see operation-docs.ts). */
const USER_ID = { name: "user_id", in: "path", required: true, description: "The member's user id.", schema: { type: "string", format: "uuid" } };

export const peopleOperationDocs: Record<string, OperationDoc> = {
  "get /api/v1/admin/invitations/": {
    description: "Every invitation, newest first (admins only: others 403, anonymous 401). `status` (pending, accepted, revoked, expired) is derived from the timestamps; `search` matches the address. Cursor pagination.",
  },
  "post /api/v1/admin/invitations/": {
    description:
      "Invites an address to join as an agent (customer_service, sales_manager) or admin; only a super_admin may invite a super_admin (400 on `role`). The address gets an email with a single-use link that works for 7 days. An address that already has an account, or a pending invitation, is 400 on `email` (resend the pending one instead); an expired one is replaced.",
    headers: ["Location"],
  },
  "delete /api/v1/admin/invitations/{id}/": {
    description: "Revokes an invitation: its link stops working at once. Revoking a revoked one is a no-op; an accepted one is 400 (deactivate the user instead).",
  },
  "post /api/v1/admin/invitations/{id}/resend/": {
    description: "Emails a pending or expired invitation again with a new link: the earlier link stops working and the 7 days start again. A revoked or accepted one is 400.",
  },
  "post /api/v1/auth/invitations/accept/": {
    description:
      "Accepts an invitation with the token from its link: creates the account with the invitation's role and team, its address verified, and answers with the user (sign in next). The password is checked for strength (zxcvbn, score 3 of 4); a weak one is 400 on `password` and leaves the link usable. An unknown, replaced, used, revoked or expired link is 400 on `token`, saying which.",
  },
  "get /api/v1/admin/teams/": {
    description: "Teams by name, each with its members and member count (admins only). Cursor pagination.",
  },
  "post /api/v1/admin/teams/": {
    description: "Creates a team. Names are unique regardless of case (400 on `name`).",
    headers: ["Location"],
  },
  "patch /api/v1/admin/teams/{id}/": {
    description: "Renames a team.",
  },
  "delete /api/v1/admin/teams/{id}/": {
    description: "Deletes a team. Its members and the tickets assigned to it stay, without a team.",
  },
  "post /api/v1/admin/teams/{id}/members/": {
    description: "Puts an agent or admin (`user`) in the team and answers with the team. A user is in at most one team, so this moves them out of any other. A customer is 400 on `user`.",
  },
  "delete /api/v1/admin/teams/{id}/members/{user_id}/": {
    description: "Takes a member out of the team (404 when they are not in it).",
    parameters: [USER_ID],
  },
  "get /api/v1/admin/companies/": {
    description: "Companies by name, with their number of contacts (admins only). `search` matches the name or the email domain. Cursor pagination.",
  },
  "post /api/v1/admin/companies/": {
    description: "Creates a company. A domain (\"acme.com\") puts new contacts who write in from that domain in this company; a domain belongs to one company (400 on `domain`).",
    headers: ["Location"],
  },
  "patch /api/v1/admin/companies/{id}/": {
    description: "Changes a company's name and/or domain (null or blank clears the domain).",
  },
};
