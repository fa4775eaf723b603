/**
 * How an agent likes the queue laid out: compact rows, the filter toolbar open or folded, the
 * stats strip shown or hidden. Kept in a cookie (read by the server, so the first paint is
 * already the agent's layout, with no jump) and tagged with the user id, so a second agent
 * signing in on the same browser starts from the defaults rather than from someone else's.
 * No server imports: the page and the client controls share it.
 */
export interface QueueLayout {
  compact: boolean;
  filtersOpen: boolean;
  statsShown: boolean;
}

/** The defaults fit 18+ rows above the fold at 1440×900. */
export const DEFAULT_QUEUE_LAYOUT: QueueLayout = { compact: true, filtersOpen: false, statsShown: true };

export const QUEUE_LAYOUT_COOKIE = "caseflow_queue_layout";

const FLAGS = ["compact", "filtersOpen", "statsShown"] as const;

/** `<user id>.<c><f><s>` with each flag as 0/1, e.g. `4b1c….101`. */
export function formatQueueLayout(layout: QueueLayout, userId: string): string {
  return `${userId}.${FLAGS.map((f) => (layout[f] ? "1" : "0")).join("")}`;
}

export function parseQueueLayout(raw: string | undefined, userId: string): QueueLayout {
  const m = raw ? /^(.+)\.([01]{3})$/.exec(raw) : null;
  if (!m || m[1] !== userId) return DEFAULT_QUEUE_LAYOUT;
  return Object.fromEntries(FLAGS.map((f, i) => [f, m[2]![i] === "1"])) as unknown as QueueLayout;
}
