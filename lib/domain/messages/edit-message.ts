import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { emit } from "../events/domain-events";
import { recordEvent } from "../events/record-event";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan, can } from "../policy";
import { onNotePublished } from "../tickets/lifecycle";
import { lockTicket } from "../tickets/lock-ticket";
import { sameClocks, slaClockSql } from "../sla/clock-columns";
import { onAgentReplyClocks } from "../sla/clocks";
import { messagesVisibleTo } from "../scope";
import { messageSelect } from "./message-select";
import { removePublicMessageFromCounters } from "./message-counters";

export interface EditMessageInput {
  body?: string;
  isInternal?: boolean;
}

/**
 * Edits a message's text or turns an agent reply into an internal note and back (the author
 * or an admin). The ticket's counters follow the switch in SQL in the same transaction; the
 * event is internal whenever the message ends up internal, so customers never learn of it.
 */
export async function editMessage(actor: Actor, id: string, input: EditMessageInput) {
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const found = await tx.message.findFirst({ where: { id, ...messagesVisibleTo(actor) }, select: { authorId: true } });
    if (!found) throw new NotFoundError();
    assertCan(actor, "message:edit", { ownerId: found.authorId }, "Only the author or an admin can edit this comment.");
    // Lock the row so two concurrent switches cannot both move the counters.
    await tx.$queryRaw`SELECT id FROM messages WHERE id = ${id}::uuid FOR UPDATE`;
    const m = await tx.message.findUniqueOrThrow({
      where: { id },
      select: { id: true, ticketId: true, direction: true, isInternal: true, body: true, createdAt: true },
    });

    const toInternal = input.isInternal ?? m.isInternal;
    if (toInternal !== m.isInternal) {
      if (!can(actor, "message:post-internal")) throw ValidationError.field("isInternal", "Only support agents can post internal notes.");
      // A customer's own words stay visible to them.
      if (m.direction !== "outbound") throw ValidationError.field("isInternal", "Only agent replies can become internal notes.");
    }
    const body = input.body?.trim();
    if (input.body !== undefined && !body) throw ValidationError.field("body", "This field may not be blank.");

    const now = new Date();
    const changed: string[] = [];
    if (body !== undefined && body !== m.body) changed.push("text");
    if (toInternal !== m.isInternal) {
      changed.push("is_internal");
      if (toInternal) {
        await removePublicMessageFromCounters(tx, m);
        await tx.$executeRaw`UPDATE tickets SET internal_message_count = internal_message_count + 1 WHERE id = ${m.ticketId}::uuid`;
      } else {
        // Now the customer sees it: it counts as an agent reply from this moment.
        const t = await lockTicket(tx, m.ticketId);
        if (!t) throw new NotFoundError();
        const firstResponseAt = onNotePublished({ firstResponseAt: t.firstResponseAt }, now).firstResponseAt ?? t.firstResponseAt;
        // It answers the customer: the response clocks are met.
        const clocks = onAgentReplyClocks(t.sla.clocks);
        const sla = sameClocks(clocks, t.sla.clocks) ? Prisma.empty : Prisma.sql`, ${slaClockSql(clocks, t.sla.policy)}`;
        await tx.$executeRaw`
          UPDATE tickets SET internal_message_count = GREATEST(internal_message_count - 1, 0),
            public_message_count = public_message_count + 1,
            unread_by_customer = unread_by_customer + 1,
            last_message_at = GREATEST(last_message_at, ${now}),
            first_response_at = ${firstResponseAt} ${sla}
          WHERE id = ${m.ticketId}::uuid`;
      }
    }
    if (changed.length === 0) return tx.message.findUniqueOrThrow({ where: { id }, select: messageSelect });
    const row = await tx.message.update({
      where: { id },
      data: { body: body ?? m.body, isInternal: toInternal, updatedAt: now },
      select: messageSelect,
    });
    await recordEvent(tx, {
      ticketId: m.ticketId,
      actorId: actor.id,
      type: "ticket_updated",
      isInternal: toInternal,
      data: { fields: changed, message_id: id, action: "message_edited" },
      at: now,
    });
    await emit(tx, { type: "message.updated", actor, ticketId: m.ticketId, messageId: id, fields: changed, wasInternal: m.isInternal, isInternal: toInternal, at: now });
    return row;
  });
}
