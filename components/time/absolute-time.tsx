"use client";

import { formatAbsolute, formatDay, formatFull } from "./format";
import { useTime } from "./time-context";

export function AbsoluteTime({ iso, className }: { iso: string; className?: string }) {
  const { tz } = useTime();
  return (
    <time dateTime={iso} title={formatFull(iso, tz)} className={className} suppressHydrationWarning>
      {formatAbsolute(iso, tz)}
    </time>
  );
}

/** The day only ("Dec 6, 2026"), in the viewer's zone like AbsoluteTime. */
export function DayTime({ iso, className }: { iso: string; className?: string }) {
  const { tz } = useTime();
  return (
    <time dateTime={iso} title={formatFull(iso, tz)} className={className} suppressHydrationWarning>
      {formatDay(iso, tz)}
    </time>
  );
}
