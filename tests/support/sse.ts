import { expect } from "vitest";
import * as streamRoute from "@/app/api/v1/support/stream/route";
import { call, handler, type CallOpts } from "./http";
import { NextRequest } from "next/server";

export interface SseEvent {
  id: string | null;
  event: string;
  data: Record<string, any>;
}

/** An open stream read incrementally: events arrive in `events` as the server sends them. */
export interface SseClient {
  status: number;
  headers: Headers;
  events: SseEvent[];
  comments: string[];
  ended: boolean;
  /** Resolves with the first event (from index `from`) matching `pred`, or fails after `ms`. */
  waitFor(pred: (e: SseEvent) => boolean, ms?: number, from?: number): Promise<SseEvent>;
  close(): Promise<void>;
}

/** Opens GET /api/v1/support/stream/ on the real route handler. */
export async function openSse(user: { token: string } | null, opts: { query?: CallOpts["query"]; lastEventId?: string } = {}): Promise<SseClient> {
  const url = new URL("http://localhost:3000/api/v1/support/stream/");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const headers = new Headers();
  if (user) headers.set("authorization", `Bearer ${user.token}`);
  if (opts.lastEventId !== undefined) headers.set("last-event-id", opts.lastEventId);
  const abort = new AbortController();
  const req = new NextRequest(url, { method: "GET", headers, signal: abort.signal });
  const res = await handler(streamRoute.GET)(req, { params: Promise.resolve({}) });
  const client: SseClient = {
    status: res.status,
    headers: res.headers,
    events: [],
    comments: [],
    ended: false,
    waitFor: async (pred, ms = 5000, from = 0) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const hit = client.events.slice(from).find(pred);
        if (hit) return hit;
        if (client.ended || Date.now() > deadline) {
          throw new Error(`no matching event (ended=${client.ended}); got ${JSON.stringify(client.events.map((e) => e.event))}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: async () => {
      abort.abort();
      await reader?.cancel().catch(() => undefined);
      client.ended = true;
    },
  };
  const reader = res.headers.get("content-type")?.startsWith("text/event-stream") ? res.body!.getReader() : null;
  if (!reader) {
    client.ended = true;
    return client;
  }
  void (async () => {
    const dec = new TextDecoder();
    let buf = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let cut: number;
        while ((cut = buf.indexOf("\n\n")) >= 0) {
          parseFrame(buf.slice(0, cut), client);
          buf = buf.slice(cut + 2);
        }
      }
    } catch {
      /* dropped by the server */
    }
    client.ended = true;
  })();
  return client;
}

function parseFrame(frame: string, client: SseClient) {
  let id: string | null = null;
  let event = "message";
  const data: string[] = [];
  for (const line of frame.split("\n")) {
    if (line.startsWith(":")) client.comments.push(line.slice(1).trim());
    else if (line.startsWith("id: ")) id = line.slice(4);
    else if (line.startsWith("event: ")) event = line.slice(7);
    else if (line.startsWith("data: ")) data.push(line.slice(6));
  }
  if (data.length) client.events.push({ id, event, data: JSON.parse(data.join("\n")) });
}

/** A non-stream answer (401, 400) as call() returns it. */
export function callStream(opts: CallOpts) {
  return call(handler(streamRoute.GET), "GET", "/api/v1/support/stream/", opts);
}

export function expectIncreasingIds(events: SseEvent[]) {
  const ids = events.map((e) => BigInt(e.id!));
  for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
}
