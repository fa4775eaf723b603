import { z } from "zod";

/**
 * What a notification row carries: a snapshot taken in the transaction of the change, so the
 * worker renders exactly what happened (an edited subject later does not rewrite history) and
 * never has to read tickets or messages. Internal notes never get here.
 */
export const notificationPayloadSchema = z.object({
  productName: z.string(),
  recipientName: z.string(),
  // Why this person gets it (the footer says so): the ticket's customer, or as an agent.
  reason: z.enum(["customer", "assignee", "watcher", "team", "admin"]).default("customer"),
  ticket: z.object({
    id: z.string(),
    number: z.string(),
    subject: z.string(),
    status: z.string(),
  }),
  // The public message that caused it (reply, customer reply, or a new ticket's first message).
  message: z
    .object({
      id: z.string().nullable(),
      body: z.string(),
      authorName: z.string(),
      createdAt: z.string(),
      attachments: z.array(z.string()).default([]),
    })
    .nullable(),
  // ticket_update only: what changed.
  event: z.enum(["reply", "status", "created", "sla", "merged"]),
  statusChange: z.object({ from: z.string(), to: z.string() }).nullable().default(null),
  // ticket_created: opened by the customer, or by an agent on their behalf.
  openedByAgent: z.boolean().default(false),
  // sla_warning / sla_breached: which clock, when it is (was) due, minutes left at the warning.
  sla: z
    .object({
      clock: z.enum(["first_response", "next_response", "resolution"]),
      dueAt: z.string(),
      minutesLeft: z.number().int(),
    })
    .nullable()
    .default(null),
  // ticket_update, event "merged": the ticket the request continues in. `visible`: the
  // customer may open it (else the link stays on their own, now closed, request).
  merge: z
    .object({ number: z.string(), subject: z.string(), visible: z.boolean() })
    .nullish(),
  actorName: z.string(),
  url: z.string(),
  preferencesUrl: z.string().nullable().default(null),
});

export type NotificationPayload = z.output<typeof notificationPayloadSchema>;
export type NotificationPayloadInput = z.input<typeof notificationPayloadSchema>;

/**
 * The payload in a form the jsonb column always accepts. PostgreSQL refuses a JSON document
 * holding a lone UTF-16 surrogate or a NUL, and a refused payload would fail the change that
 * queues it. The edge already refuses such text, but a payload is also built from stored data
 * and from cuts of it, so every string is made well-formed here, whatever its source.
 */
export function storablePayload<T>(value: T): T {
  const fix = (v: unknown): unknown => {
    if (typeof v === "string") return v.toWellFormed().replaceAll("\u0000", "\uFFFD");
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [fix(k), fix(x)]));
    return v;
  };
  return fix(value) as T;
}

/** The first `max` UTF-16 units of `s`, never ending in half of a surrogate pair (an emoji cut in two). */
export function clip(s: string, max: number, ellipsis = ""): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end) + ellipsis;
}

/** Customer-facing words for statuses: "new" and "assigned" are triage, not news. */
export const CUSTOMER_STATUS_LABEL: Record<string, string> = {
  new: "Open",
  assigned: "Open",
  in_progress: "In progress",
  pending: "Waiting for your reply",
  resolved: "Resolved",
  closed: "Closed",
};

export function customerStatusLabel(status: string): string {
  return CUSTOMER_STATUS_LABEL[status] ?? status;
}
