"use client";

import { formatFull, formatRelative } from "./format";
import { useTime } from "./time-context";

/** A <time> that reads "5 min ago" and shows the full local date on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { tz, now } = useTime();
  return (
    <time dateTime={iso} title={formatFull(iso, tz)} className={className} suppressHydrationWarning>
      {formatRelative(iso, now || new Date(iso).getTime(), tz)}
    </time>
  );
}
