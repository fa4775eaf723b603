import { db } from "@/lib/db/client";

/** One realtime log row with what visibility and filters need about its ticket (now). */
export interface LogEvent {
  seq: bigint;
  type: string;
  ticketId: string;
  isInternal: boolean;
  data: Record<string, unknown>;
  /** null when the ticket is gone. */
  requesterId: string | null;
  contactUserId: string | null;
  assignedToId: string | null;
}

export const REPLAY_BATCH = 500;

/** Log rows after $1, oldest first, at most $2, with their tickets' owners. */
export const LOAD_AFTER_SQL = `
  SELECT r.seq, r.type, r.ticket_id::text AS ticket_id, r.is_internal, r.data,
         t.user_id::text AS user_id, c.user_id::text AS contact_user_id, t.assigned_to_id::text AS assigned_to_id
  FROM realtime_events r
  LEFT JOIN tickets t ON t.id = r.ticket_id
  LEFT JOIN contacts c ON c.id = t.contact_id
  WHERE r.seq > $1::bigint
  ORDER BY r.seq
  LIMIT $2::int`;

type Raw = { seq: bigint | string; type: string; ticket_id: string; is_internal: boolean; data: Record<string, unknown> | null; user_id: string | null; contact_user_id: string | null; assigned_to_id: string | null };

export function toLogEvent(r: Raw): LogEvent {
  return {
    seq: BigInt(r.seq),
    type: r.type,
    ticketId: r.ticket_id,
    isInternal: r.is_internal,
    data: r.data ?? {},
    requesterId: r.user_id,
    contactUserId: r.contact_user_id,
    assignedToId: r.assigned_to_id,
  };
}

/** Log rows after `after` through Prisma's pool: one query per batch. */
export async function loadAfter(after: bigint, limit = REPLAY_BATCH): Promise<LogEvent[]> {
  const prisma = await db();
  const rows = await prisma.$queryRawUnsafe<Raw[]>(LOAD_AFTER_SQL, String(after), limit);
  return rows.map(toLogEvent);
}

/** The oldest and newest seq still in the log (null when it is empty). */
export async function logBounds(): Promise<{ min: bigint | null; max: bigint | null }> {
  const prisma = await db();
  const [r] = await prisma.$queryRaw<{ min: bigint | null; max: bigint | null }[]>`
    SELECT min(seq) AS min, max(seq) AS max FROM realtime_events`;
  return { min: r.min == null ? null : BigInt(r.min), max: r.max == null ? null : BigInt(r.max) };
}

/**
 * Drops rows older than the replay window, as a prefix in seq order (so "the client's point is
 * still in the log" means "nothing after it is gone"), always keeping the newest row.
 */
export async function pruneLog(windowSeconds: number): Promise<number> {
  const prisma = await db();
  return prisma.$executeRaw`
    DELETE FROM realtime_events
    WHERE seq <= (SELECT max(seq) FROM realtime_events WHERE created_at < now() - make_interval(secs => ${windowSeconds}))
      AND seq < (SELECT max(seq) FROM realtime_events)`;
}
