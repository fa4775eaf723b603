import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/policy";
import { hub, type Sink } from "./hub";
import type { Viewer } from "./presence";
import { loadAfter, logBounds, REPLAY_BATCH, type LogEvent } from "./log";
import { visibleEvent, type StreamFilter } from "./visibility";

const HEARTBEAT_MS = Number(process.env.REALTIME_HEARTBEAT_MS || 15_000);
// Bytes a stream may have queued for a client that does not read: past it the client is
// dropped (it reconnects with Last-Event-ID and replays), never buffered without bound.
function queueLimitBytes(): number {
  const n = Number(process.env.REALTIME_QUEUE_LIMIT_BYTES || 256 * 1024);
  return Number.isFinite(n) && n > 0 ? n : 256 * 1024;
}

const enc = new TextEncoder();

function frame(id: string, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A resume point we handed out: a positive integer. Anything else means "resync". */
function parseEventId(raw: string | null | undefined): bigint | "invalid" | null {
  if (raw == null || raw.trim() === "") return null;
  return /^\d{1,19}$/.test(raw.trim()) ? BigInt(raw.trim()) : "invalid";
}

class StreamSink implements Sink {
  private last = 0n;
  private pending: LogEvent[] | null = [];
  private closed = false;
  private heartbeat: NodeJS.Timeout;

  constructor(
    private readonly actor: Actor,
    private readonly filter: StreamFilter,
    private readonly controller: ReadableStreamDefaultController<Uint8Array>,
    private readonly onClose: (s: StreamSink) => void,
    private readonly queueLimit: number,
    private readonly board: { viewers(t: string): Viewer[]; ticketIds(): string[] },
  ) {
    this.heartbeat = setInterval(() => this.write(": heartbeat\n\n"), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Replays what the client missed, then lets the live events held meanwhile through. */
  async begin(lastEventId: bigint | "invalid" | null, freshStart: bigint): Promise<void> {
    this.write("retry: 3000\n: connected\n\n");
    if (lastEventId === null) {
      // A fresh stream starts where the log stood before the response was sent: changes
      // committed before that are what the client fetches when the stream opens; every later
      // one is delivered, even if this instance has not read it from the log yet.
      this.last = freshStart;
    } else {
      const { min, max } = await logBounds();
      // Resume only when the log still holds the client's own point (nothing after it was
      // pruned) and the point is one we could have handed out.
      if (lastEventId === "invalid" || min === null || max === null || lastEventId < min || lastEventId > max) {
        this.resync(max ?? 0n);
      } else {
        this.last = lastEventId;
        for (;;) {
          const batch = await loadAfter(this.last);
          this.deliver(batch);
          if (batch.length < REPLAY_BATCH || this.closed) break;
          await this.drained();
        }
      }
    }
    for (const ticket of this.snapshotTickets()) this.presence(ticket, this.board.viewers(ticket));
    const held = this.pending ?? [];
    this.pending = null;
    this.deliver(held.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0)));
  }

  /** A long replay waits for the client to read, rather than counting it as slow. */
  private async drained(): Promise<void> {
    while (!this.closed && (this.controller.desiredSize ?? 0) < this.queueLimit / 2) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private snapshotTickets(): string[] {
    return this.filter.ticket ? [this.filter.ticket].filter((t) => this.board.viewers(t).length) : this.board.ticketIds();
  }

  offer(events: LogEvent[]): void {
    if (this.pending) this.pending.push(...events);
    else this.deliver(events);
  }

  private deliver(events: LogEvent[]): void {
    for (const e of events) {
      if (this.closed) return;
      if (e.seq <= this.last) continue; // seen in the replay already
      this.last = e.seq;
      const out = visibleEvent(this.actor, e, this.filter);
      if (out) this.write(frame(out.id, out.event, out.data));
    }
  }

  /** Presence is agent-only and not resumable: a frame without an id. */
  presence(ticket: string, viewers: Viewer[]): void {
    if (!can(this.actor, "ticket:read-internal")) return;
    if (this.filter.ticket && this.filter.ticket !== ticket) return;
    this.write(`event: presence\ndata: ${JSON.stringify({ ticket, viewers })}\n\n`);
  }

  resync(id: bigint): void {
    if (id > this.last) this.last = id;
    this.write(frame(String(id), "resync", {}));
  }

  private write(text: string): void {
    if (this.closed) return;
    try {
      this.controller.enqueue(enc.encode(text));
    } catch {
      return this.close();
    }
    if (this.pending === null && (this.controller.desiredSize ?? 0) < 0) {
      // A client this far behind is dropped: erroring discards the queue it never read.
      this.finish();
      this.controller.error(new Error("Realtime stream dropped: the client is not reading."));
    }
  }

  close(): void {
    if (this.closed) return;
    this.finish();
    try {
      this.controller.close();
    } catch {
      /* already closed by the client */
    }
  }

  private finish(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.onClose(this);
  }
}

/** An SSE response for the actor's stream; the hub feeds it until either side closes. */
export async function openStream(actor: Actor, filter: StreamFilter, lastEventId: string | null, signal?: AbortSignal): Promise<Response> {
  const h = await hub();
  const queueLimit = queueLimitBytes();
  const eventId = parseEventId(lastEventId);
  let sink!: StreamSink;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        sink = new StreamSink(actor, filter, controller, (s) => h.sinks.delete(s), queueLimit, h.board);
        h.sinks.add(sink);
      },
      cancel() {
        sink.close();
      },
    },
    { highWaterMark: queueLimit, size: (chunk) => chunk.byteLength },
  );
  signal?.addEventListener("abort", () => sink.close(), { once: true });
  // Registered first (live events are held), then the start point read, then the response
  // sent: a change committed after the client sees the stream open always reaches it.
  const freshStart = eventId === null ? ((await logBounds()).max ?? 0n) : 0n;
  void sink.begin(eventId, freshStart).catch(() => sink.close());
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
