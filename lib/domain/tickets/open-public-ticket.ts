import { db } from "@/lib/db/client";
import { actorSelect } from "../actor";
import { normalizeEmail } from "../auth/account-helpers";
import { NotFoundError } from "../errors";
import { assertNotThrottled, recordFailure } from "../auth/throttle";
import { isAgent } from "../policy";
import { getSetting } from "../settings/get-settings";
import { ensureCustomerContact, ensureCustomerUser } from "../users/ensure-customer";
import { createTicket } from "./create-ticket";

export interface PublicTicketInput {
  name: string;
  email: string;
  subject: string;
  description: string;
  /** The form's hidden honeypot field: people leave it empty, form-filling bots do not. */
  honeypot?: string;
}

/**
 * A ticket from an anonymous visitor (the public form at /contact/, POST
 * /api/v1/public/tickets/), when the public_ticket_form setting is on; 404 while it is off.
 * It takes the path of an emailed ticket from an unknown sender (lib/inbound/process-mail.ts):
 * the address's customer account (made without a password if new), its CRM contact, then the
 * ticket as that customer, so replies go out by email and signing up later with the address
 * shows the ticket in the portal.
 *
 * The answer never tells whether the address has an account. A filled honeypot, an agent's
 * address (agents open tickets in the workspace) or a deactivated account's creates nothing
 * and answers like a success (`ticketId` null).
 */
export async function openPublicTicket(input: PublicTicketInput): Promise<{ ticketId: string | null }> {
  await assertPublicTicketFormOn();
  if (input.honeypot?.trim()) return { ticketId: null };
  const email = normalizeEmail(input.email);
  const prisma = await db();
  // Per submitted address, whatever the client address: the per-address limit at the edge
  // needs TRUST_PROXY_HOPS, this one holds without it (a 429 tells nothing about accounts).
  const key = { key: `public-form:${email}`, maxFailures: publicFormMaxPerEmail() };
  await assertNotThrottled(prisma, [key.key]);
  await recordFailure(prisma, [key]);
  const existing = await prisma.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: actorSelect });
  if (existing && (!existing.isActive || isAgent(existing))) return { ticketId: null };
  const actor = existing ?? (await ensureCustomerUser(email, input.name.trim()));
  await ensureCustomerContact(actor.id);
  const ticket = await createTicket(actor, {
    subject: input.subject.trim(),
    initialMessage: input.description,
    defaultChannel: "portal",
  });
  return { ticketId: ticket.id };
}

/** Tickets one email address may open through the form per LOGIN_WINDOW_SECONDS (default 5). */
export function publicFormMaxPerEmail(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PUBLIC_FORM_MAX_PER_EMAIL);
  return Number.isInteger(n) && n > 0 ? n : 5;
}

/** 404 while the public ticket form is switched off: to visitors it does not exist. */
export async function assertPublicTicketFormOn(): Promise<void> {
  if (!(await getSetting("public_ticket_form"))) throw new NotFoundError();
}
