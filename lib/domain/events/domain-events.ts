import type { Prisma, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "../actor";

/**
 * What happened, as the domain tells it to whoever listens (the notification outbox today;
 * realtime streams or webhooks tomorrow). Subscribers run inside the change's own transaction,
 * so what they write commits or rolls back with the change. The domain imports no subscriber:
 * they are registered at startup (lib/boot.ts), which keeps the dependency pointing inwards.
 */
export type DomainEvent =
  | { type: "ticket.created"; actor: Actor; ticketId: string; initialMessage: string | null; at: Date }
  | { type: "ticket.status_changed"; actor: Actor; ticketId: string; from: TicketStatus; to: TicketStatus; at: Date }
  /** Any agent edit; `fields` are the changed fields under the events API's (wire) names. */
  | { type: "ticket.updated"; actor: Actor; ticketId: string; fields: string[]; version: number; at: Date }
  /** A duplicate was merged into `targetId` (its thread moved there and it was closed). */
  | { type: "ticket.merged"; actor: Actor; sourceId: string; targetId: string; at: Date }
  /** The actor's side of the unread counters went to zero. */
  | { type: "ticket.read"; actor: Actor; ticketId: string; side: "agent" | "customer"; at: Date }
  | {
      type: "message.created";
      actor: Actor;
      ticketId: string;
      messageId: string;
      body: string;
      isInternal: boolean;
      attachments: string[];
      at: Date;
      /** false when another event already tells of it (a new ticket's first message). */
      notify: boolean;
      /** Ticket fields the message changed in the same write (a reply taking the ticket, a status sent along). */
      ticketUpdate?: { fields: string[]; version: number };
    }
  /** A message's text changed or it switched between reply and internal note. */
  | { type: "message.updated"; actor: Actor; ticketId: string; messageId: string; fields: string[]; wasInternal: boolean; isInternal: boolean; at: Date }
  | { type: "message.deleted"; actor: Actor; ticketId: string; messageId: string; isInternal: boolean; at: Date }
  | { type: "attachment.created"; actor: Actor; ticketId: string; attachmentId: string; isInternal: boolean; at: Date }
  | { type: "attachment.deleted"; actor: Actor; ticketId: string; attachmentId: string; isInternal: boolean; at: Date }
  /** The ticket is gone: who could see it is carried along, since its row no longer tells. */
  | { type: "ticket.deleted"; actor: Actor; ticketId: string; requesterId: string | null; contactUserId: string | null; assignedToId: string | null; at: Date }
  /**
   * An account email is due: a link to verify the address, reset the password or sign in
   * (`secret` is the one-time token of the link), or "you already have an account" (no secret).
   * An invitation goes to an address with no account yet (`userId` null); `invitedBy` names
   * the admin who sent it.
   */
  | { type: "account.mail"; mail: AccountMailKind; userId: string | null; email: string; name: string; secret: string | null; invitedBy?: string; at: Date };

export type AccountMailKind = "verify_email" | "password_reset" | "magic_link" | "exists" | "invitation" | "change_email";

export type DomainEventSubscriber = (tx: Prisma.TransactionClient, event: DomainEvent) => Promise<void>;

// On globalThis: Next bundles instrumentation and route handlers apart, and both must see the
// same registry.
const registry = globalThis as unknown as { __caseflowSubscribers?: DomainEventSubscriber[] };

export function setDomainEventSubscribers(subscribers: DomainEventSubscriber[]): void {
  registry.__caseflowSubscribers = subscribers;
}

/**
 * Hands the event to every subscriber inside the transaction. With none registered it throws:
 * a write path that forgot to boot the app must fail loudly, never drop notifications silently.
 */
export async function emit(tx: Prisma.TransactionClient, event: DomainEvent): Promise<void> {
  const subscribers = registry.__caseflowSubscribers;
  if (!subscribers) throw new Error("No domain event subscribers registered: import \"@/lib/boot\" in this entry point.");
  for (const s of subscribers) await s(tx, event);
}
