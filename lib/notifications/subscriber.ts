import type { DomainEventSubscriber } from "@/lib/domain/events/domain-events";
import {
  enqueueMergeNotification,
  enqueueMessageNotifications,
  enqueueStatusChangeNotification,
  enqueueTicketCreatedNotification,
} from "./enqueue-notifications";
import { enqueueAccountMail } from "./account-mail";

/** Turns domain events into outbox rows, in the transaction of the change that caused them. */
export const notificationSubscriber: DomainEventSubscriber = async (tx, e) => {
  switch (e.type) {
    case "ticket.created":
      return enqueueTicketCreatedNotification(tx, e.actor, { ticketId: e.ticketId, initialMessage: e.initialMessage, at: e.at });
    case "ticket.status_changed":
      return enqueueStatusChangeNotification(tx, e.actor, { ticketId: e.ticketId, from: e.from, to: e.to });
    case "ticket.merged":
      return enqueueMergeNotification(tx, e.actor, { sourceId: e.sourceId, targetId: e.targetId });
    case "account.mail":
      return enqueueAccountMail(tx, e);
    case "message.created": {
      if (!e.notify) return;
      const { type: _t, actor, notify: _n, ticketUpdate: _u, ...notice } = e;
      return enqueueMessageNotifications(tx, actor, notice);
    }
  }
};
