"use client";

import { formatAbsolute, formatDay, formatFull } from "./format";
import { useTime } from "./time-context";

/** A date in the viewer's zone ("Dec 6, 2:50 AM", or "Dec 6, 2026" with `dayOnly`), the full date on hover. */
export function AbsoluteTime({ iso, className, dayOnly = false }: { iso: string; className?: string; dayOnly?: boolean }) {
  const { tz } = useTime();
  return (
    <time dateTime={iso} title={formatFull(iso, tz)} className={className} suppressHydrationWarning>
      {dayOnly ? formatDay(iso, tz) : formatAbsolute(iso, tz)}
    </time>
  );
}
