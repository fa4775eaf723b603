import { statusLabel, priorityLabel } from "@/components/badges";
import type { TicketView } from "../../_lib/ticket-data";

type Agent = { id: string; name: string; email: string };

/**
 * What happened to a ticket between the version an agent saw (`seen`) and now (`now`), one
 * line per change, for the collision warning: others' messages first, then field changes.
 * The agent's own messages are left out (they know what they wrote).
 */
export function describeChanges(seen: { view: TicketView; messageIds: ReadonlySet<string> }, now: TicketView, selfId: string, agents: Agent[]): string[] {
  const who = (id: string | null) => (id ? (agents.find((a) => a.id === id)?.name || agents.find((a) => a.id === id)?.email || "someone") : "nobody");
  const out: string[] = [];
  for (const m of now.messages) {
    if (seen.messageIds.has(m.id) || m.author === selfId) continue;
    const name = m.author_name ?? "Someone";
    const text = m.body.length > 80 ? `${m.body.slice(0, 80)}…` : m.body;
    out.push(`${name} ${m.is_internal ? "added an internal note" : "replied"}: “${text}”`);
  }
  const a = seen.view.ticket;
  const b = now.ticket;
  if (a.status !== b.status) out.push(`Status changed from ${statusLabel(a.status)} to ${statusLabel(b.status)}`);
  if (a.priority !== b.priority) out.push(`Priority changed from ${priorityLabel(a.priority)} to ${priorityLabel(b.priority)}`);
  if (a.assigned_to !== b.assigned_to) out.push(`Assigned to ${who(b.assigned_to)} (was ${who(a.assigned_to)})`);
  if (a.subject !== b.subject) out.push(`Subject changed to “${b.subject}”`);
  const added = b.tags.filter((t) => !a.tags.includes(t));
  const removed = a.tags.filter((t) => !b.tags.includes(t));
  if (added.length) out.push(`Tags added: ${added.join(", ")}`);
  if (removed.length) out.push(`Tags removed: ${removed.join(", ")}`);
  // Some other field changed (the version moved, nothing above explains it).
  if (!out.length && seen.view.etag !== now.etag) out.push("The ticket's details were changed by someone else.");
  return out;
}
