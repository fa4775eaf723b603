import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { PUBLIC_TICKET_ANSWER, publicTicketSchema } from "@/lib/api/public/schemas";
import { assertPublicTicketFormOn, openPublicTicket } from "@/lib/domain/tickets/open-public-ticket";

export const dynamic = "force-dynamic";

/**
 * POST {name, email, subject, description} → 202 when the public_ticket_form setting is on
 * (404 while off). The same answer whether a ticket was opened or not (honeypot, an agent's
 * address), so it tells nothing about accounts.
 */
export const POST = api(async (req: NextRequest) => {
  await assertPublicTicketFormOn(); // before the body: while off, any request is a 404
  const { data } = await readBody(req);
  const input = publicTicketSchema.parse(data);
  await openPublicTicket({ ...input, honeypot: input.website });
  return json({ detail: PUBLIC_TICKET_ANSWER, signup_url: "/signup/" }, { status: 202 });
}, { publicForm: true });

export const GET = methodNotAllowed(["POST"]);
