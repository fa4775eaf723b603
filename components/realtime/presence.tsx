"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PresenceEvent } from "./use-live-updates";

const HEARTBEAT_MS = 10_000;
const TYPING_IDLE_MS = 5_000;

function beat(ticketId: string, body: { typing?: boolean; leaving?: boolean }, keepalive = false) {
  // Not in the generated API client: presence is a realtime side channel, not a resource.
  return fetch(`/api/v1/support/tickets/${ticketId}/presence/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    keepalive,
  }).catch(() => undefined);
}

/**
 * This agent's presence on a ticket: a heartbeat every 10 s while the page is open, `typing`
 * while the reply box changes, `leaving` when the page goes. Returns the handler for stream
 * presence events, the other viewers, and `onInput` to put on the reply area.
 */
export function usePresence(ticketId: string, selfId: string) {
  const [others, setOthers] = useState<PresenceEvent["viewers"]>([]);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    void beat(ticketId, {});
    const timer = setInterval(() => void beat(ticketId, { typing: typing.current }), HEARTBEAT_MS);
    const leave = () => void beat(ticketId, { leaving: true }, true);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [ticketId]);

  const onPresence = useCallback(
    (p: PresenceEvent) => {
      if (p.ticket === ticketId) setOthers(p.viewers.filter((v) => v.user !== selfId));
    },
    [ticketId, selfId],
  );

  const onInput = useCallback(() => {
    if (!typing.current) {
      typing.current = true;
      void beat(ticketId, { typing: true });
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(() => {
      typing.current = false;
      void beat(ticketId, { typing: false });
    }, TYPING_IDLE_MS);
  }, [ticketId]);

  return { others, onPresence, onInput };
}

/** "Also here: Sam (typing…)": other agents on this ticket, or nothing. */
export function PresenceBar({ others }: { others: PresenceEvent["viewers"] }) {
  if (!others.length) return null;
  return (
    <p role="status" data-presence className="mt-1 flex items-center gap-1.5 text-xs text-amber-800">
      <span aria-hidden="true">👁</span>
      <span>
        Also here:{" "}
        {others.map((v, i) => (
          <span key={v.user}>
            {i > 0 && ", "}
            <strong className="font-semibold">{v.name}</strong>
            {v.typing && <em className="not-italic text-amber-700"> (typing a reply…)</em>}
          </span>
        ))}
      </span>
    </p>
  );
}
