import type { Priority, TicketStatus } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/actor";
import { prepareUploads, type PreparedUpload } from "@/lib/domain/attachments/uploads";
import { postMessage } from "@/lib/domain/messages/post-message";
import { createTicket } from "@/lib/domain/tickets/create-ticket";
import { markTicketRead } from "@/lib/domain/tickets/mark-ticket-read";
import { updateTicket } from "@/lib/domain/tickets/update-ticket";
import type { UpdateTicketInput } from "@/lib/domain/tickets/types";
import type { DemoClock } from "./clock";
import { AI_SUMMARY_STATE, AI_SUMMARY_TOPIC, PRODUCTS, TINY_PNG, type Template } from "./content";
import type { Rng } from "./random";

export type Channel = "portal" | "email" | "phone" | "chat" | "api";
type Side = "customer" | "agent" | "note";

/** One demo ticket to act out: who asks, who answers, and where it should end up. */
export interface TicketPlan {
  template: Template;
  customer: Actor | null; // null: a CRM lead without a portal account
  contactId: string;
  orderId: string | null;
  orderNumber: string | null;
  assignee: Actor | null;
  fallbackAgent: Actor; // answers unassigned tickets and opens tickets on behalf of leads
  otherAgents: Actor[];
  status: TicketStatus;
  priority: Priority;
  channel: Channel;
  createdAt: Date;
}

const HOUR = 3_600_000;

function fill(text: string, plan: TicketPlan, rng: Rng, product: string): string {
  const first = plan.customer?.name.split(" ")[0] ?? "there";
  return text
    .replaceAll("{order}", plan.orderNumber ?? "your order")
    .replaceAll("{product}", product)
    .replaceAll("{first}", first)
    .replaceAll("{num}", String(rng.int(10000, 99999)))
    .replaceAll("{amount}", String(rng.int(12, 480)));
}

/** Conversation shape by final status: open tickets wait on someone, closed ones are done. */
function threadShape(plan: TicketPlan, rng: Rng): Side[] {
  const hasCustomer = plan.customer !== null;
  const sides: Side[] = hasCustomer ? ["customer"] : [];
  if (plan.status === "new") {
    if (hasCustomer && rng.chance(0.3)) sides.push("customer"); // "any news?"
    return sides;
  }
  if (plan.status === "assigned") {
    if (rng.chance(0.4)) sides.push("note");
    return sides;
  }
  const rounds = rng.int(1, plan.status === "in_progress" ? 3 : 2);
  for (let i = 0; i < rounds; i++) {
    if (rng.chance(0.25)) sides.push("note");
    sides.push("agent");
    if (hasCustomer && (i < rounds - 1 || plan.status === "in_progress" ? rng.chance(0.7) : rng.chance(0.35))) {
      sides.push("customer");
    }
  }
  // Waiting on the customer: the agent spoke last.
  if (plan.status === "pending" && sides[sides.length - 1] !== "agent") sides.push("agent");
  return sides;
}

function uploadsFor(side: Side, plan: TicketPlan, rng: Rng): PreparedUpload[] {
  if (side !== "customer" || !rng.chance(0.06)) return [];
  const file =
    plan.template.category === "technical"
      ? { name: "app-log.txt", bytes: new TextEncoder().encode(`2025-03-02 10:14:03 pairing failed: timeout (code 0x1F)\n`) }
      : { name: "damage-photo.png", bytes: new Uint8Array(TINY_PNG) };
  return prepareUploads([file]);
}

/**
 * Acts out one ticket through the domain functions (create, triage, replies and notes, reads,
 * final status), each at a simulated time that the clock later writes back.
 */
export async function playTicket(plan: TicketPlan, rng: Rng, clock: DemoClock, now: Date): Promise<string> {
  const t = plan.template;
  const product = rng.pick(PRODUCTS);
  const subject = fill(rng.pick(t.subjects), plan, rng, product);
  const opening = fill(rng.pick(t.openings), plan, rng, product);
  const sides = threadShape(plan, rng);
  const responder = plan.assignee ?? plan.fallbackAgent;

  // Simulated times: gaps between steps, squeezed to end before "now".
  const gaps = [0, rng.next() * 2 * HOUR, ...sides.map((s) => (s === "customer" ? 1 + rng.next() * 10 : s === "note" ? 0.1 + rng.next() : 0.3 + rng.next() * 5) * HOUR), rng.next() * 3 * HOUR];
  const room = now.getTime() - 5 * 60_000 - plan.createdAt.getTime();
  const total = gaps.reduce((a, b) => a + b, 0);
  const scale = total > room ? room / total : 1;
  let at = plan.createdAt.getTime();
  const step = (i: number) => new Date((at += gaps[i] * scale));

  const agentFields = plan.channel !== "portal" || !plan.customer;
  const creator = agentFields ? plan.fallbackAgent : plan.customer!;
  const ticket = await clock.at(step(0), () =>
    createTicket(creator, {
      subject,
      description: agentFields ? opening : "",
      initialMessage: agentFields ? undefined : opening,
      orderId: plan.orderId,
      ...(agentFields && {
        channel: plan.channel,
        priority: plan.priority,
        category: t.category,
        ...(plan.customer ? { userId: plan.customer.id } : { contactId: plan.contactId }),
      }),
    }),
  );
  // Tickets opened by an agent (email, phone, chat, api) start with the customer's own words.
  // Portal tickets already hold the opening as their initial message.
  let i = agentFields ? 0 : 1;

  const triage: UpdateTicketInput = {};
  if (plan.assignee) triage.assignedToId = plan.assignee.id;
  if (!agentFields && plan.priority !== "medium" && plan.status !== "new") triage.priority = plan.priority;
  if (!agentFields && plan.status !== "new") triage.category = t.category;
  const triageAt = step(1);
  if (Object.keys(triage).length) {
    await clock.at(triageAt, () => updateTicket(plan.assignee ?? responder, ticket.id, triage));
  }

  let last: Exclude<Side, "note"> | null = agentFields ? null : "customer";
  for (const side of sides.slice(i)) {
    const when = step(2 + i++);
    const actor = side === "customer" ? plan.customer! : responder;
    const texts =
      side === "agent" ? t.agent
      : side === "note" ? t.notes
      : last === null ? [opening]
      : last === "customer" ? ["Any update on this? It's been a while.", "Just following up on my message above."]
      : t.customer;
    // Whoever writes has read what came before (keeps the unread counters meaningful).
    if (side !== "note" && last !== null && last !== side) await markTicketRead(actor, ticket.id);
    await clock.at(when, () =>
      postMessage(actor, { ticketId: ticket.id, body: fill(rng.pick(texts), plan, rng, product), isInternal: side === "note", uploads: uploadsFor(side, plan, rng) }),
    );
    if (side !== "note") last = side;
  }

  const final: UpdateTicketInput = {};
  if (plan.status !== "new" && plan.status !== "assigned") final.status = plan.status;
  if (rng.chance(0.25)) {
    // Written from this ticket (who, what, where it stands), never picked from a shared list.
    const topic = AI_SUMMARY_TOPIC[t.category].replace("{first}", plan.customer?.name ?? "The caller");
    final.aiSummary = `${fill(topic, plan, rng, product)} ("${subject}"). ${AI_SUMMARY_STATE[plan.status]}`;
    final.aiConfidenceScore = Math.round((0.55 + rng.next() * 0.44) * 100) / 100;
    final.aiFirstResponseTime = Math.round(rng.next() * 40 * 10) / 10;
    final.aiAutoResolved = plan.status === "resolved" && rng.chance(0.3);
  }
  if (rng.chance(0.15) && plan.otherAgents.length) final.watcherIds = [rng.pick(plan.otherAgents).id];
  if (rng.chance(0.3)) final.tags = [t.category, ...(rng.chance(0.3) ? ["vip"] : [])];
  if (Object.keys(final).length && (plan.assignee || !final.status)) {
    await clock.at(step(gaps.length - 1), () => updateTicket(plan.assignee ?? responder, ticket.id, final));
  }
  // Done tickets have been read by both sides, mostly; resolved ones may still be unread.
  if (plan.status === "closed" || (plan.status === "resolved" && rng.chance(0.6))) {
    await markTicketRead(responder, ticket.id);
    if (plan.customer) await markTicketRead(plan.customer, ticket.id);
  }
  return ticket.id;
}
