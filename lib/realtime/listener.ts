import { Client } from "pg";
import { dbHandle } from "@/lib/db/client";
import { PRESENCE_CHANNEL } from "./presence";
import { REALTIME_CHANNEL } from "./subscriber";

export interface Listener {
  close(): Promise<void>;
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
    close: async () => {
      closed = true;
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
