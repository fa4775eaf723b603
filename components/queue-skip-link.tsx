"use client";

import { usePathname } from "next/navigation";

/**
 * The agent's second skip link: on the queue it jumps past the header and filters straight to
 * the ticket list; on any other agent page it goes back to the list.
 */
export function QueueSkipLink() {
  const onQueue = usePathname() === "/agent/";
  return (
    <a href={onQueue ? "#queue" : "/agent/#queue"} className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-40 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
      {onQueue ? "Skip to the ticket list" : "Go to the ticket list"}
    </a>
  );
}
