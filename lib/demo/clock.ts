import type { PrismaClient } from "@/lib/db/generated/client";
import { withTransaction } from "@/lib/db/transaction";

interface Window {
  start: number;
  end: number;
  at: number;
}

/**
 * Back-dates what the domain functions write. They stamp rows with the real "now", so the
 * demo runs each call inside a recorded window of real time and afterwards shifts every
 * timestamp that fell in that window to the simulated moment the call stands for. Counters,
 * events and invariants stay exactly as the domain made them; only the clock moves, and all
 * columns of one call move together (last_message_at still equals its message's time).
 */
export class DemoClock {
  private windows: Window[] = [];

  async at<T>(when: Date, fn: () => Promise<T>): Promise<T> {
    const start = Date.now();
    const out = await fn();
    const end = Date.now();
    this.windows.push({ start, end, at: when.getTime() });
    // Windows must not share a millisecond, or a row could not be told apart.
    while (Date.now() <= end) {
      /* spin for < 1 ms */
    }
    return out;
  }

  /** Shifts the recorded windows in one transaction (a temp table needs one connection). */
  async apply(prisma: PrismaClient): Promise<void> {
    if (this.windows.length === 0) return;
    const iso = (ms: number) => `'${new Date(ms).toISOString()}'::timestamptz`;
    // Only our own numbers and ISO strings go into this SQL, never user input.
    const values = this.windows
      .map((w) => `(${iso(w.start)}, ${iso(w.end)}, interval '${w.at - w.start} milliseconds')`)
      .join(",\n");
    const sh = (col: string) =>
      `COALESCE((SELECT w.off FROM demo_clock w WHERE w.s <= ${col} AND w.e >= ${col} ORDER BY w.s DESC LIMIT 1), interval '0')`;
    const shift = (col: string, by = col) => `${col} = ${col} + ${sh(by)}`;
    await withTransaction(
      prisma,
      async (tx) => {
        await tx.$executeRawUnsafe(
          `CREATE TEMP TABLE demo_clock (s timestamptz PRIMARY KEY, e timestamptz NOT NULL, off interval NOT NULL) ON COMMIT DROP`,
        );
        await tx.$executeRawUnsafe(`INSERT INTO demo_clock (s, e, off) VALUES ${values}`);
        await tx.$executeRawUnsafe(`UPDATE tickets SET
          ${shift("sla_due_at", "created_at")}, ${shift("sla_warn_at", "created_at")},
          ${shift("first_response_due_at", "created_at")}, ${shift("resolution_due_at", "created_at")},
          ${shift("next_response_due_at", "last_message_at")}, ${shift("sla_paused_at")},
          ${shift("created_at")}, ${shift("updated_at")},
          ${shift("last_message_at")}, ${shift("first_response_at")}, ${shift("resolved_at")}, ${shift("closed_at")}`);
        await tx.$executeRawUnsafe(`UPDATE messages SET ${shift("created_at")}, ${shift("updated_at")}`);
        await tx.$executeRawUnsafe(`UPDATE events SET ${shift("created_at")}`);
        await tx.$executeRawUnsafe(`UPDATE ticket_watchers SET ${shift("created_at")}`);
        await tx.$executeRawUnsafe(`UPDATE attachments SET ${shift("created_at")}`);
        // Numbers carry the creation day (T-YYYYMMDD-NNNN): renumber by the simulated day, via
        // a temporary value so the unique index never sees two rows with one number.
        await tx.$executeRawUnsafe(`UPDATE tickets SET number = 'tmp-' || id`);
        await tx.$executeRawUnsafe(`
          WITH n AS (
            SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYYMMDD') AS day,
                   row_number() OVER (PARTITION BY to_char(created_at AT TIME ZONE 'UTC', 'YYYYMMDD') ORDER BY created_at, id) AS seq
            FROM tickets)
          UPDATE tickets t SET number = 'T-' || n.day || '-' || lpad(n.seq::text, 4, '0') FROM n WHERE n.id = t.id`);
        // Counters per day continue after the numbers used, so tickets created later never collide.
        await tx.$executeRawUnsafe(`DELETE FROM ticket_number_counters`);
        await tx.$executeRawUnsafe(`
          INSERT INTO ticket_number_counters (day, last)
          SELECT substr(number, 3, 8), max(substr(number, 12)::int) FROM tickets GROUP BY 1`);
      },
      { timeout: 120_000 },
    );
    this.windows = [];
  }
}
