import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { actorSelect } from "../actor";
import { ensureContactForUser } from "../tickets/relations";

/*
 * The account and CRM contact of someone who writes in without signing in: by email
 * (lib/inbound) or through the public ticket form (lib/domain/tickets/open-public-ticket.ts).
 *
 * The CRM contact of someone who writes in. A contact created here is put in the company whose
 * `domain` is the sender's email domain, when exactly one company has it: two companies claiming
 * one domain (or a shared one such as a freemail provider listed twice) is no evidence of either.
 * An existing contact keeps its company: that is the CRM's decision, not the mail's.
 */

/** The domain of an address, lowercased; null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  const domain = at < 0 ? "" : email.slice(at + 1).trim().toLowerCase();
  return domain || null;
}

/** The one company with this domain (case-insensitive), or null when none or several have it. */
export async function companyIdForDomain(tx: Prisma.TransactionClient, domain: string | null): Promise<string | null> {
  if (!domain) return null;
  // ILIKE without wildcards is a case-insensitive equality the trigram index can serve.
  const pattern = domain.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM companies WHERE domain ILIKE ${pattern} LIMIT 2`;
  return rows.length === 1 ? rows[0].id : null;
}

/** Ensures the (non-agent) sender's contact exists, creating it in its domain's company. */
export async function ensureCustomerContact(userId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const linked = await tx.contact.findUnique({ where: { userId }, select: { id: true, companyId: true } });
    if (linked) return linked;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    const companyId = await companyIdForDomain(tx, emailDomain(user.email));
    // Insert-if-absent as ensureContactForUser does; an existing unlinked contact with this
    // address wins the conflict and is linked (with its own company) below.
    await tx.$executeRaw`
      INSERT INTO contacts (id, email, name, user_id, company_id, created_at, updated_at)
      VALUES (gen_random_uuid(), ${user.email}, ${user.name}, ${userId}::uuid, ${companyId}::uuid, now(), now())
      ON CONFLICT DO NOTHING`;
    return ensureContactForUser(tx, userId);
  });
}

/**
 * The user a mail (or a public form) is posted as. Someone who writes in without an account gets a customer
 * account without a password (they cannot sign in until one is set), linked to the CRM contact
 * with their address (an existing one is reused). Posting as that customer is what makes an
 * emailed reply behave exactly like a portal reply: inbound direction, unread counters,
 * reopening, events and agent notifications.
 */
export async function ensureCustomerUser(email: string, name: string) {
  const prisma = await db();
  await prisma.$executeRaw`
    INSERT INTO users (id, email, name, role, is_staff, is_active, permissions, created_at, updated_at)
    VALUES (gen_random_uuid(), ${email}, ${name.slice(0, 200)}, 'customer', false, true, '{}', now(), now())
    ON CONFLICT (email) DO NOTHING`;
  return prisma.user.findUniqueOrThrow({ where: { email }, select: actorSelect });
}
