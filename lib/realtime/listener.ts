import { Client } from "pg";
import { dbHandle } from "@/lib/db/client";
import { PRESENCE_CHANNEL } from "./presence";
import { REALTIME_CHANNEL } from "./subscriber";
import { LOAD_AFTER_SQL, toLogEvent, type LogEvent } from "./log";

export interface Listener {
  close(): Promise<void>;
  /**
   * Reads log rows on the listening connection itself. Under a burst of writes Prisma's pool
   * is busy with transactions queued for the log lock; live delivery must not wait behind them.
   */
  read?(after: bigint, limit: number): Promise<LogEvent[]>;
}

export interface ListenerHooks {
  /** A NOTIFY arrived (its payload is a wake-up call: the log row is read afterwards). */
  notify(): void;
  /** A presence heartbeat (its JSON payload). */
  presence(payload: string | undefined): void;
  /** The listening connection dropped and is back: notifications in between may be lost. */
  reconnected(): void;
}

const RECONNECT_MAX_MS = 10_000;

/**
 * One listening connection per process. On PostgreSQL a dedicated pg.Client, outside Prisma's
 * pool (a pooled connection would be handed to queries and lose its LISTEN), reconnecting with
 * backoff when it drops. On PGlite the instance's in-process notifications.
 */
export async function startListener(hooks: ListenerHooks): Promise<Listener> {
  const h = await dbHandle();
  if (h.pglite) {
    const unlisten = await h.pglite.listen(REALTIME_CHANNEL, () => hooks.notify());
    const unlistenPresence = await h.pglite.listen(PRESENCE_CHANNEL, (p) => hooks.presence(p));
    return { close: () => Promise.all([unlisten(), unlistenPresence()]).then(() => undefined, () => undefined) };
  }
  if (h.config.kind !== "postgres") throw new Error("No database to listen on.");
  const url = h.config.url;
  let client: Client | null = null;
  let closed = false;
  let delay = 250;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const c = new Client({ connectionString: url, application_name: "caseflow-realtime" });
    c.on("notification", (m) => (m.channel === PRESENCE_CHANNEL ? hooks.presence(m.payload) : hooks.notify()));
    c.on("error", () => undefined); // followed by "end", handled below
    c.on("end", () => {
      if (closed || client !== c) return;
      client = null;
      setTimeout(() => void retry(), delay).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${REALTIME_CHANNEL}`);
    await c.query(`LISTEN ${PRESENCE_CHANNEL}`);
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = 250;
    if (isReconnect) hooks.reconnected();
  };
  const retry = async () => {
    if (closed) return;
    try {
      await connect(true);
    } catch {
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      setTimeout(() => void retry(), delay).unref();
    }
  };

  await connect(false);
  return {
    read: async (after, limit) => {
      if (!client) throw new Error("The realtime listener is reconnecting.");
      const r = await client.query(LOAD_AFTER_SQL, [String(after), limit]);
      return r.rows.map(toLogEvent);
    },
    close: async () => {
      closed = true;
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
