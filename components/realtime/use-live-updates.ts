"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

export type LiveState = "connecting" | "live" | "reconnecting";

const EVENT_TYPES = [
  "ticket.created",
  "ticket.updated",
  "ticket.deleted",
  "message.created",
  "message.updated",
  "message.deleted",
  "attachment.created",
  "attachment.deleted",
  "ticket.read",
  "resync",
] as const;
// A burst of changes (a reply moves counters, status and the timeline at once) becomes one refetch.
const DEBOUNCE_MS = 150;

/**
 * Subscribes the page to GET /api/v1/support/stream/ and invalidates the given queries when a
 * change arrives, so TanStack Query refetches them through the usual fetchers. EventSource
 * reconnects by itself, sending Last-Event-ID, and the server replays what was missed (or
 * says resync, which also just refetches). While the stream is not open the page keeps
 * polling: callers pass `pollWhileDown(state)` as their refetchInterval.
 */
export interface PresenceEvent {
  ticket: string;
  viewers: { user: string; name: string; typing: boolean }[];
}

export function useLiveUpdates(keys: QueryKey[], filter: { ticket?: string } = {}, onPresence?: (p: PresenceEvent) => void): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const [attempt, setAttempt] = useState(0);
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const presenceRef = useRef(onPresence);
  presenceRef.current = onPresence;

  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setState("reconnecting");
      return;
    }
    const url = `/api/v1/support/stream/${filter.ticket ? `?ticket=${encodeURIComponent(filter.ticket)}` : ""}`;
    const source = new EventSource(url, { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        for (const queryKey of keysRef.current) void qc.invalidateQueries({ queryKey });
      }, DEBOUNCE_MS);
    };
    source.onopen = () => {
      setState("live");
      // Whatever changed between the page's own fetch (or a drop) and the stream starting is
      // fetched once; from here on the stream tells of every change.
      refresh();
    };
    let retry: ReturnType<typeof setTimeout> | null = null;
    source.onerror = () => {
      setState("reconnecting");
      // A refused stream (signed out, server restarting) is not retried by EventSource itself.
      if (source.readyState === EventSource.CLOSED && !retry) retry = setTimeout(() => setAttempt((a) => a + 1), 10_000);
    };
    for (const t of EVENT_TYPES) source.addEventListener(t, refresh);
    source.addEventListener("presence", (e) => {
      try {
        presenceRef.current?.(JSON.parse((e as MessageEvent<string>).data) as PresenceEvent);
      } catch {
        /* a malformed frame is ignored */
      }
    });
    return () => {
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      source.close();
    };
  }, [qc, filter.ticket, attempt]);

  return state;
}

/**
 * refetchInterval for a query the stream keeps fresh: poll at `pollMs` only while the stream is
 * down. While it is live every change arrives as an event, so there is no polling at all.
 */
export function pollWhileDown(state: LiveState, pollMs: number): number | false {
  return state === "live" ? false : pollMs;
}

/** The small status line every live page shows. */
export function liveLabel(state: LiveState, pollMs: number): string {
  if (state === "live") return "Live";
  if (state === "connecting") return `Connecting… (updates every ${pollMs / 1000}s)`;
  return `Reconnecting… (updates every ${pollMs / 1000}s meanwhile)`;
}
