/**
 * Shows the plan PostgreSQL picks for the SQL Prisma really sends (captured, not rewritten by
 * hand): the driver's query function is wrapped while one request runs, then the captured
 * ticket-list statement is run again under plain EXPLAIN (no ANALYZE) with the same values.
 */
import pg from "pg";
import { dbHandle } from "@/lib/db/client";

interface Captured {
  text: string;
  values: unknown[];
}

/**
 * Every statement the app sends to the database while `run` executes (one round trip each:
 * BEGIN/COMMIT included). Only meaningful while nothing else runs in this process.
 */
export async function captureQueries(run: () => Promise<unknown>): Promise<Captured[]> {
  const handle = await dbHandle();
  const seen: Captured[] = [];
  const restore: (() => void)[] = [];
  if (handle.pglite) {
    const target = handle.pglite as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const m of ["query", "exec"]) {
      const orig = target[m];
      target[m] = function (this: unknown, ...a: unknown[]) {
        seen.push({ text: String(a[0]), values: (a[1] as unknown[]) ?? [] });
        return orig.apply(this, a);
      };
      restore.push(() => (target[m] = orig));
    }
    // Interactive transactions run on the `tx` object PGlite hands out, with its own BEGIN/COMMIT.
    const origTx = target.transaction;
    target.transaction = function (this: unknown, ...a: unknown[]) {
      const cb = a[0] as (tx: Record<string, (...b: unknown[]) => Promise<unknown>>) => Promise<unknown>;
      seen.push({ text: "BEGIN", values: [] });
      return origTx.call(this, (tx: Record<string, (...b: unknown[]) => Promise<unknown>>) => {
        for (const m of ["query", "exec"]) {
          const orig = tx[m].bind(tx);
          tx[m] = (...b: unknown[]) => {
            seen.push({ text: String(b[0]), values: (b[1] as unknown[]) ?? [] });
            return orig(...b);
          };
        }
        return cb(tx);
      }).finally(() => seen.push({ text: "COMMIT", values: [] }));
    };
    restore.push(() => (target.transaction = origTx));
  } else {
    const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
    const orig = proto.query;
    proto.query = function (this: unknown, ...a: unknown[]) {
      const c = a[0] as { text?: string; values?: unknown[] } | string;
      if (typeof c === "string") seen.push({ text: c, values: (a[1] as unknown[]) ?? [] });
      else if (c?.text) seen.push({ text: c.text, values: c.values ?? [] });
      return orig.apply(this, a);
    };
    restore.push(() => (proto.query = orig));
  }
  try {
    await run();
  } finally {
    restore.forEach((r) => r());
  }
  return seen;
}

export async function capturePlan(run: () => Promise<unknown>, pick: (sql: string) => boolean, explain = "EXPLAIN"): Promise<string[]> {
  const handle = await dbHandle();
  const seen = await captureQueries(run);
  const q = seen.find((s) => pick(s.text));
  if (!q) return ["(statement not captured)"];
  const sql = `${explain} ${q.text}`;
  let rows: Record<string, unknown>[];
  if (handle.pglite) {
    rows = (await handle.pglite.query<Record<string, unknown>>(sql, q.values as unknown[])).rows;
  } else {
    const client = new pg.Client({ connectionString: (handle.config as { url: string }).url });
    await client.connect();
    try {
      rows = (await client.query(sql, q.values as unknown[])).rows;
    } finally {
      await client.end();
    }
  }
  // EXPLAIN (FORMAT JSON) comes back as an already parsed json value.
  return rows.map((r) => {
    const v = Object.values(r)[0];
    return typeof v === "string" ? v : JSON.stringify(v);
  });
}

/** The ticket list's main statement (not the watchers follow-up query). */
export const isTicketList = (sql: string) => /FROM (?:"[^"]+"\.)?"?tickets"?\s/.test(sql) && /ORDER BY/.test(sql) && /LIMIT/.test(sql);

/** The message list's main statement (not the author / attachment follow-ups). */
export const isMessageList = (sql: string) => /FROM "[^"]+"\."messages"/.test(sql) && /ORDER BY/.test(sql) && /LIMIT/.test(sql);
