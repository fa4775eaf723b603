import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { NotFoundError } from "@/lib/domain/errors";
import { assertCan } from "@/lib/domain/policy";
import { ticketsVisibleTo } from "@/lib/domain/scope";

/** The channel presence heartbeats travel on (not logged: presence is not replayed). */
export const PRESENCE_CHANNEL = "caseflow_presence";

export interface PresenceBeat {
  ticket: string;
  user: string;
  name: string;
  typing: boolean;
  leaving: boolean;
}

export interface Viewer {
  user: string;
  name: string;
  typing: boolean;
}

/** How long a viewer counts as present after their last heartbeat. */
export function presenceTtlMs(): number {
  const n = Number(process.env.REALTIME_PRESENCE_TTL_MS || 30_000);
  return Number.isFinite(n) && n > 0 ? n : 30_000;
}

/**
 * An agent says "I am on this ticket" (and whether they are typing a reply), or that they
 * left. Presence is agent-only; every instance hears it through NOTIFY, right away.
 */
export async function announcePresence(actor: Actor, ticketId: string, state: { typing: boolean; leaving: boolean }): Promise<void> {
  assertCan(actor, "ticket:read-internal", {}, "Presence is for agents only.");
  const prisma = await db();
  const t = await prisma.ticket.findFirst({ where: { id: ticketId, ...ticketsVisibleTo(actor) }, select: { id: true } });
  if (!t) throw new NotFoundError();
  const beat: PresenceBeat = { ticket: ticketId, user: actor.id, name: actor.name || actor.email, ...state };
  await prisma.$queryRaw`SELECT 1 AS sent FROM pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(beat).slice(0, 4000)})`;
}

/** Who is on which ticket, per process: filled from heartbeats, emptied by leaving or expiry. */
export class PresenceBoard {
  private readonly tickets = new Map<string, Map<string, Viewer & { expires: number }>>();

  /** Applies a heartbeat; returns whether the ticket's viewer list changed. */
  apply(b: PresenceBeat, now = Date.now()): boolean {
    const viewers = this.tickets.get(b.ticket) ?? new Map();
    const prev = viewers.get(b.user);
    if (b.leaving) {
      if (!viewers.delete(b.user)) return false;
    } else {
      viewers.set(b.user, { user: b.user, name: b.name, typing: b.typing, expires: now + presenceTtlMs() });
    }
    if (viewers.size) this.tickets.set(b.ticket, viewers);
    else this.tickets.delete(b.ticket);
    return b.leaving || !prev || prev.typing !== b.typing || prev.name !== b.name;
  }

  /** Drops viewers whose heartbeats stopped; returns the tickets whose lists changed. */
  expire(now = Date.now()): string[] {
    const changed: string[] = [];
    for (const [ticket, viewers] of this.tickets) {
      for (const [user, v] of viewers) if (v.expires <= now) viewers.delete(user) && !changed.includes(ticket) && changed.push(ticket);
      if (!viewers.size) this.tickets.delete(ticket);
    }
    return changed;
  }

  viewers(ticket: string): Viewer[] {
    return [...(this.tickets.get(ticket)?.values() ?? [])].map(({ user, name, typing }) => ({ user, name, typing }));
  }

  ticketIds(): string[] {
    return [...this.tickets.keys()];
  }
}

export function parseBeat(payload: string | undefined): PresenceBeat | null {
  try {
    const b = JSON.parse(payload ?? "");
    return typeof b?.ticket === "string" && typeof b?.user === "string" ? { ticket: b.ticket, user: b.user, name: String(b.name ?? ""), typing: !!b.typing, leaving: !!b.leaving } : null;
  } catch {
    return null;
  }
}
