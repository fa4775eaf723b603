import type { NotificationKind, Prisma, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/actor";
import type { DomainEvent } from "@/lib/domain/events/domain-events";
import { isAgent } from "@/lib/domain/policy";
import { mailConfig, type MailConfig } from "./config";
import { createUserNotifications, slaNotificationText } from "./in-app";
import { clip, customerStatusLabel, storablePayload, type NotificationPayloadInput } from "./payload";
import {
  agentRecipients,
  customerRecipient,
  displayName,
  loadTicketForNotify,
  withPreferences,
  type Recipient,
  type TicketForNotify,
} from "./recipients";

/*
 * The outbox's write side. Every function here runs inside the transaction of the change that
 * causes the notification, so a notification exists if and only if the change committed: if a
 * row cannot be written, the change fails with it (nothing is caught here). Payloads are made
 * storable first (storablePayload), so no user text can make that write fail. They only write
 * rows: rendering and sending happen later in the worker (lib/notifications/worker.ts).
 */

// Long messages are cut in the email; the full text is one click away in the thread.
const MAX_BODY = 8_000;

/**
 * The mail settings for queueing `kind`, or null when it is switched off. A broken mail
 * configuration (e.g. APP_URL not a URL) also means no mail: the outbox worker cannot start
 * with it either, so nothing could be sent, and a reply must not fail over an operator setting.
 */
function settingsFor(kind: keyof MailConfig["enabled"]): MailConfig | null {
  let cfg: MailConfig;
  try {
    cfg = mailConfig();
  } catch (e) {
    console.error(`[notifications] mail configuration is invalid; not queueing ${kind}`, e);
    return null;
  }
  return cfg.enabled[kind] ? cfg : null;
}

function links(cfg: MailConfig, ticketId: string) {
  const base = cfg.appUrl;
  return {
    portal: `${base}/portal/tickets/${ticketId}/`,
    workspace: `${base}/agent/tickets/${ticketId}/`,
    preferences: `${base}/agent/settings/`,
  };
}

async function write(
  tx: Prisma.TransactionClient,
  kind: NotificationKind,
  t: TicketForNotify,
  messageId: string | null,
  recipients: Recipient[],
  payload: (r: Recipient) => NotificationPayloadInput,
) {
  const wanted = withPreferences(t, recipients);
  if (!wanted.length) return;
  await tx.notification.createMany({
    data: wanted.map((r) => ({
      kind,
      ticketId: t.id,
      messageId,
      recipientId: r.id,
      toEmail: r.email,
      payload: storablePayload(payload(r)) as Prisma.InputJsonObject,
    })),
  });
}

function base(cfg: MailConfig, t: TicketForNotify, actor: Actor) {
  return {
    productName: cfg.productName,
    ticket: { id: t.id, number: t.number, subject: t.subject, status: t.status },
    actorName: displayName(actor),
  };
}

/** What a message notification needs: the domain's message.created event, less who and whether. */
export type MessageNotice = Omit<Extract<DomainEvent, { type: "message.created" }>, "type" | "actor" | "notify">;

/**
 * A public message: an agent's reply goes to the customer (ticket_update), a customer's reply
 * to the agents (customer_reply). Internal notes notify nobody outside, by design.
 */
export async function enqueueMessageNotifications(tx: Prisma.TransactionClient, actor: Actor, m: MessageNotice) {
  if (m.isInternal) return;
  const agent = isAgent(actor);
  const kind = agent ? ("ticket_update" as const) : ("customer_reply" as const);
  const cfg = settingsFor(kind);
  if (!cfg) return;
  const t = await loadTicketForNotify(tx, m.ticketId, kind);
  const recipients = agent ? [customerRecipient(t, actor)].filter((r): r is Recipient => !!r) : agentRecipients(t, actor);
  const l = links(cfg, t.id);
  const message = {
    id: m.messageId,
    body: clip(m.body, MAX_BODY, "…"),
    authorName: displayName(actor),
    createdAt: m.at.toISOString(),
    attachments: m.attachments,
  };
  await write(tx, kind, t, m.messageId, recipients, (r) => ({
    ...base(cfg, t, actor),
    recipientName: r.name,
    reason: r.reason,
    message,
    event: "reply",
    url: agent ? l.portal : l.workspace,
    preferencesUrl: agent ? null : l.preferences,
  }));
}

/**
 * A status change the customer should hear about. "new" -> "assigned" is internal triage
 * (both read "Open" to a customer), so only changes of the customer-facing label notify.
 */
export async function enqueueStatusChangeNotification(
  tx: Prisma.TransactionClient,
  actor: Actor,
  c: { ticketId: string; from: TicketStatus; to: TicketStatus },
) {
  if (customerStatusLabel(c.from) === customerStatusLabel(c.to)) return;
  const cfg = settingsFor("ticket_update");
  if (!cfg) return;
  const t = await loadTicketForNotify(tx, c.ticketId, "ticket_update");
  const r = customerRecipient(t, actor);
  await write(tx, "ticket_update", t, null, r ? [r] : [], (r) => ({
    ...base(cfg, t, actor),
    recipientName: r.name,
    reason: r.reason,
    message: null,
    event: "status",
    statusChange: { from: c.from, to: c.to },
    url: links(cfg, t.id).portal,
  }));
}

/**
 * The acknowledgement of a new ticket, to its customer. Unlike the other kinds this one goes to
 * the actor when the customer opened the ticket themselves: confirming their own action is
 * its whole point. An agent opening a ticket on someone's behalf tells that customer.
 */
export async function enqueueTicketCreatedNotification(
  tx: Prisma.TransactionClient,
  actor: Actor,
  c: { ticketId: string; initialMessage: string | null; at: Date },
) {
  const cfg = settingsFor("ticket_created");
  if (!cfg) return;
  const t = await loadTicketForNotify(tx, c.ticketId, "ticket_created");
  const r = customerRecipient(t, null);
  const body = c.initialMessage?.trim() || t.description.trim();
  const openedByAgent = isAgent(actor) && t.userId !== actor.id;
  await write(tx, "ticket_created", t, null, r ? [r] : [], (r) => ({
    ...base(cfg, t, actor),
    recipientName: r.name,
    reason: r.reason,
    message: body
      ? { id: null, body: clip(body, MAX_BODY), authorName: openedByAgent ? displayName(actor) : r.name, createdAt: c.at.toISOString(), attachments: [] }
      : null,
    event: "created",
    openedByAgent,
    url: links(cfg, t.id).portal,
  }));
}

export interface SlaNotice {
  ticketId: string;
  kind: "warning" | "breached";
  clock: "first_response" | "next_response" | "resolution";
  dueAt: Date;
  now: Date;
}

/**
 * An SLA warning (to the assignee, or the members of the assigned team when unassigned) or
 * breach (the same, plus every admin and super admin), as an in-app notification and an email.
 * Called by lib/sla/alert-worker.ts in the transaction that inserts the alert's unique
 * sla_alerts row, so each is written exactly once. Agents only (never a customer, never a
 * deactivated user). Email mutes and a switched-off mail kind silence the email only: the
 * in-app notification is always written (lib/notifications/in-app.ts says why).
 */
export async function enqueueSlaNotification(tx: Prisma.TransactionClient, n: SlaNotice) {
  const kind = n.kind === "warning" ? ("sla_warning" as const) : ("sla_breached" as const);
  const t = await loadTicketForNotify(tx, n.ticketId, kind);
  const ok = (u: TicketForNotify["assignedTo"]): u is NonNullable<TicketForNotify["assignedTo"]> => !!u && u.isActive && isAgent(u);
  const recipients: Recipient[] = ok(t.assignedTo)
    ? [{ id: t.assignedTo.id, email: t.assignedTo.email, name: displayName(t.assignedTo), reason: "assignee" }]
    : t.teamMembers.filter(ok).map((u) => ({ id: u.id, email: u.email, name: displayName(u), reason: "team" }));
  const mutedAdmins = new Set<string>();
  if (kind === "sla_breached") {
    // Admins' own mutes are read here: the ticket loader only knows the ticket's people.
    const admins = await tx.$queryRaw<{ id: string; email: string; name: string; muted: boolean }[]>`
      SELECT u.id::text, u.email, u.name, EXISTS (SELECT 1 FROM notification_preferences p
          WHERE p.user_id = u.id AND p.kind = 'sla_breached'::"NotificationKind" AND NOT p.enabled) AS muted
      FROM users u
      WHERE u.role IN ('admin', 'super_admin') AND u.is_active
      ORDER BY u.email`;
    for (const u of admins) if (u.muted) mutedAdmins.add(u.id);
    recipients.push(...admins.map((u): Recipient => ({ id: u.id, email: u.email, name: displayName(u), reason: "admin" })));
  }
  const seen = new Set<string>();
  const unique = recipients.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
  await createUserNotifications(tx, kind, t.id, unique, slaNotificationText(t, n), n.now);
  const cfg = settingsFor(kind);
  if (!cfg) return;
  const l = links(cfg, t.id);
  const sla = {
    clock: n.clock,
    dueAt: n.dueAt.toISOString(),
    minutesLeft: Math.max(0, Math.round((n.dueAt.getTime() - n.now.getTime()) / 60_000)),
  };
  const mailed = unique.filter((r) => !r.id || !mutedAdmins.has(r.id));
  await write(tx, kind, t, null, mailed, (r) => ({
    productName: cfg.productName,
    ticket: { id: t.id, number: t.number, subject: t.subject, status: t.status },
    actorName: cfg.productName,
    recipientName: r.name,
    reason: r.reason,
    message: null,
    event: "sla",
    sla,
    url: l.workspace,
    preferencesUrl: l.preferences,
  }));
}

/**
 * A duplicate merged into another ticket: one email to the duplicate's customer, and only this
 * one (the merge closes the duplicate without a status-change mail). The link opens the ticket
 * the request continues in when the customer may see it, else their own (closed) request.
 */
export async function enqueueMergeNotification(tx: Prisma.TransactionClient, actor: Actor, c: { sourceId: string; targetId: string }) {
  const cfg = settingsFor("ticket_update");
  if (!cfg) return;
  const t = await loadTicketForNotify(tx, c.sourceId, "ticket_update");
  const r = customerRecipient(t, actor);
  if (!r) return;
  const [target] = await tx.$queryRaw<{ number: string; subject: string; user_id: string | null; contact_user_id: string | null }[]>`
    SELECT t.number, t.subject, t.user_id::text, c.user_id::text AS contact_user_id
    FROM tickets t LEFT JOIN contacts c ON c.id = t.contact_id WHERE t.id = ${c.targetId}::uuid`;
  const visible = !!target && !!r.id && (target.user_id === r.id || target.contact_user_id === r.id);
  await write(tx, "ticket_update", t, null, [r], (r) => ({
    ...base(cfg, t, actor),
    recipientName: r.name,
    reason: r.reason,
    message: null,
    event: "merged",
    merge: target ? { number: target.number, subject: target.subject, visible } : null,
    url: links(cfg, visible ? c.targetId : t.id).portal,
  }));
}
