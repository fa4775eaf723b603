import { db } from "@/lib/db/client";
import { prepareUploads, type PreparedUpload } from "@/lib/domain/attachments/uploads";
import { DomainError } from "@/lib/domain/errors";
import { postMessage } from "@/lib/domain/messages/post-message";
import { isAgent } from "@/lib/domain/policy";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import type { InboundConfig } from "./config";
import { automatedReason, parseMail, PermanentInboundError, type ParsedAttachment } from "./parse-mail";
import { ensureSenderContact } from "./sender-contact";
import { openFollowUp, routeCustomerReply } from "./follow-up";
import { addressedToSupport, ensureSenderUser, findSender, findTarget } from "./route-mail";
import { mergedTargetFor } from "@/lib/domain/tickets/merged-target";

export interface MailOutcome {
  status: "processed" | "ignored";
  outcome: string;
  fromEmail: string | null;
  subject: string | null;
  messageId: string | null;
  ticketId?: string;
  postedMessageId?: string;
}

/**
 * Attachments through the same checks as portal uploads, one file at a time: a file the upload
 * rules refuse is left out (and named in the message) rather than losing the customer's text.
 */
function prepareAttachments(files: ParsedAttachment[]): { uploads: PreparedUpload[]; refused: string[] } {
  const uploads: PreparedUpload[] = [];
  const refused: string[] = [];
  for (const f of files) {
    try {
      uploads.push(...prepareUploads([{ name: f.name, bytes: f.bytes }], "attachments"));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      refused.push(`${f.name} (${e.message.replace(/^File "[^"]*" /, "")})`);
    }
  }
  const { uploads: kept, refusedByCount } = capCount(uploads);
  return { uploads: kept, refused: [...refused, ...refusedByCount] };
}

function capCount(uploads: PreparedUpload[]) {
  const max = Number(process.env.UPLOAD_MAX_FILES) > 0 ? Math.floor(Number(process.env.UPLOAD_MAX_FILES)) : 5;
  return { uploads: uploads.slice(0, max), refusedByCount: uploads.slice(max).map((u) => `${u.name} (more than ${max} files)`) };
}

function withRefusals(text: string, refused: string[]): string {
  if (!refused.length) return text;
  return `${text}\n\n[Attachments not accepted: ${refused.join("; ")}]`.trim();
}

/** Mails from this sender processed in the hour before `now` (this one excluded). */
async function recentFromSender(email: string, rowId: string, now: Date): Promise<number> {
  const prisma = await db();
  return prisma.inboundEmail.count({
    where: { fromEmail: email, status: "processed", id: { not: rowId }, receivedAt: { gt: new Date(now.getTime() - 3_600_000) } },
  });
}

async function firstMessageId(ticketId: string): Promise<string | undefined> {
  const prisma = await db();
  const first = await prisma.message.findFirst({ where: { ticketId }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return first?.id;
}

/** Turns one stored raw message into a reply on its ticket, a new ticket, or a recorded refusal. */
export async function processMail(raw: Uint8Array, row: { id: string; now: Date }, cfg: InboundConfig): Promise<MailOutcome> {
  const m = await parseMail(raw);
  const base = { fromEmail: m.from, subject: m.subject.slice(0, 500), messageId: m.messageId };
  const ignore = (outcome: string): MailOutcome => ({ status: "ignored", outcome, ...base });

  const own = [cfg.ownFrom, cfg.supportAddress].filter((a): a is string => !!a);
  const automated = automatedReason(m, { addresses: own, domain: cfg.domain });
  if (automated) return ignore(automated);
  if ((await recentFromSender(m.from, row.id, row.now)) >= cfg.ratePerHour) {
    return ignore(`rate limit (${cfg.ratePerHour} mails per hour from ${m.from})`);
  }

  const existing = await findSender(m.from);
  if (existing && !existing.isActive) return ignore("the sender's account is deactivated");
  const target = await findTarget(m, existing, cfg);
  const { uploads, refused } = prepareAttachments(m.attachments);
  const body = withRefusals(m.text, refused);
  if (!body && !uploads.length) return ignore("no new text or attachments in the message");

  if (target) {
    const actor = existing ?? (await ensureSenderUser(m.from, m.fromName));
    // A reply to a merged duplicate belongs to the ticket it was merged into (when the sender may see it).
    let ticketId = (await mergedTargetFor(actor, target.ticketId)) ?? target.ticketId;
    if (!isAgent(actor)) {
      // A contact-only ticket becomes visible to the sender's account through its contact.
      await ensureSenderContact(actor.id);
      const route = await routeCustomerReply(ticketId, cfg.reopenWithinDays, row.now);
      if ("followUpOf" in route) {
        const old = route.followUpOf;
        const ticket = await openFollowUp(actor, old, { subject: m.subject, body, uploads });
        const first = await firstMessageId(ticket.id);
        return { status: "processed", outcome: `created follow-up of ${old.number} (matched by ${target.via})`, ticketId: ticket.id, postedMessageId: first, ...base };
      }
      ticketId = route.postTo;
    }
    const msg = await postMessage(actor, { ticketId, body, isInternal: target.note, uploads }, { ticketAddressed: true });
    return { status: "processed", outcome: `replied (matched by ${target.via})`, ticketId, postedMessageId: msg.id, ...base };
  }

  if (!addressedToSupport(m, cfg)) return ignore("not addressed to the support address");
  if (existing && isAgent(existing)) return ignore("new mail from an agent account (agents open tickets in the workspace)");
  const actor = existing ?? (await ensureSenderUser(m.from, m.fromName));
  await ensureSenderContact(actor.id);
  const ticket = await createTicket(actor, {
    subject: (m.subject || "(no subject)").slice(0, 200),
    initialMessage: body || undefined,
    uploads,
    defaultChannel: "email",
  });
  return { status: "processed", outcome: "created ticket", ticketId: ticket.id, postedMessageId: await firstMessageId(ticket.id), ...base };
}

export { PermanentInboundError };
