"use client";

import { formatAbsolute, formatFull } from "./format";
import { useTime } from "./time-context";

export function AbsoluteTime({ iso, className }: { iso: string; className?: string }) {
  const { tz } = useTime();
  return (
    <time dateTime={iso} title={formatFull(iso, tz)} className={className} suppressHydrationWarning>
      {formatAbsolute(iso, tz)}
    </time>
  );
}
