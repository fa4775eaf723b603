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
  reason: z.enum(["customer", "assignee", "watcher", "team"]).default("customer"),
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
  event: z.enum(["reply", "status", "created"]),
  statusChange: z.object({ from: z.string(), to: z.string() }).nullable().default(null),
  // ticket_created: opened by the customer, or by an agent on their behalf.
  openedByAgent: z.boolean().default(false),
  actorName: z.string(),
  url: z.string(),
  preferencesUrl: z.string().nullable().default(null),
});

export type NotificationPayload = z.output<typeof notificationPayloadSchema>;
export type NotificationPayloadInput = z.input<typeof notificationPayloadSchema>;

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
