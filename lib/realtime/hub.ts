import { loadAfter, logBounds, pruneLog, REPLAY_BATCH, type LogEvent } from "./log";
import { startListener, type Listener } from "./listener";
import { parseBeat, PresenceBoard, type Viewer } from "./presence";

/** What the hub needs from an open stream. */
export interface Sink {
  offer(events: LogEvent[]): void;
  /** Tell the client to refetch everything; `id` is where it may resume from afterwards. */
  resync(id: bigint): void;
  /** Who is on a ticket now (agents' streams only show it). */
  presence(ticket: string, viewers: Viewer[]): void;
  close(): void;
}

const PRUNE_EVERY_MS = 60_000;

function replayWindowSeconds(): number {
  const n = Number(process.env.REALTIME_REPLAY_WINDOW_SECONDS || 3600);
  return Number.isFinite(n) && n > 0 ? n : 3600;
}

/**
 * The process's fan-out point: one listening connection, one log read per burst of
 * notifications (not one per stream), then every open stream filters what it may see.
 */
class Hub {
  readonly sinks = new Set<Sink>();
  readonly board = new PresenceBoard();
  private expiryTimer: NodeJS.Timeout | null = null;
  cursor = 0n;
  private listener: Listener | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private pruneTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  async start(): Promise<void> {
    this.cursor = (await logBounds()).max ?? 0n;
    this.listener = await startListener({
      notify: () => this.wake(),
      reconnected: () => void this.resyncAll(),
      presence: (payload) => {
        const beat = parseBeat(payload);
        if (beat && this.board.apply(beat)) this.sendPresence(beat.ticket);
      },
    });
    this.expiryTimer = setInterval(() => this.board.expire().forEach((t) => this.sendPresence(t)), 1000);
    this.expiryTimer.unref();
    this.pruneTimer = setInterval(() => void pruneLog(replayWindowSeconds()).catch(() => undefined), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  /** Coalesces notifications: at most one read in flight, and one more after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readNew().finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves once everything committed so far has been handed to the streams. */
  async settle(): Promise<void> {
    while (this.reading) await this.reading;
  }

  private async readNew(): Promise<void> {
    try {
      for (;;) {
        const batch = this.listener?.read ? await this.listener.read(this.cursor, REPLAY_BATCH) : await loadAfter(this.cursor);
        if (batch.length === 0) return;
        this.cursor = batch[batch.length - 1].seq;
        for (const s of this.sinks) s.offer(batch);
        if (batch.length < REPLAY_BATCH) return;
      }
    } catch {
      // The database is unreachable for a moment: the next notification (or reconnect) retries.
    }
  }

  private sendPresence(ticket: string): void {
    const viewers = this.board.viewers(ticket);
    for (const s of this.sinks) s.presence(ticket, viewers);
  }

  private async resyncAll(): Promise<void> {
    const max = (await logBounds().catch(() => ({ max: null }))).max ?? this.cursor;
    this.cursor = max > this.cursor ? max : this.cursor;
    for (const s of this.sinks) s.resync(this.cursor);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    if (this.expiryTimer) clearInterval(this.expiryTimer);
    for (const s of [...this.sinks]) s.close();
    this.sinks.clear();
    await this.reading;
    await this.listener?.close();
  }
}

const g = globalThis as unknown as { __caseflowHub?: Promise<Hub> };

/** The process's hub, started on first use; streams close on SIGTERM. */
export function hub(): Promise<Hub> {
  if (!g.__caseflowHub) {
    const h = new Hub();
    g.__caseflowHub = h.start().then(
      () => {
        process.once("SIGTERM", () => void stopRealtime());
        return h;
      },
      (e) => {
        g.__caseflowHub = undefined;
        throw e;
      },
    );
  }
  return g.__caseflowHub;
}

/** Closes every stream and the listening connection (shutdown, and between tests). */
export async function stopRealtime(): Promise<void> {
  const p = g.__caseflowHub;
  g.__caseflowHub = undefined;
  if (p) await (await p.catch(() => null))?.stop();
}
