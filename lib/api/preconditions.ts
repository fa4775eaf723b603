import type { NextRequest } from "next/server";
import { ValidationError } from "@/lib/domain/errors";
import type { Preconditions } from "@/lib/domain/tickets/types";

/** If-Match and If-Unmodified-Since of a request, for the domain's optimistic concurrency check. */
export function preconditions(req: NextRequest): Preconditions {
  const ius = req.headers.get("if-unmodified-since");
  const ifUnmodifiedSince = ius ? new Date(ius) : null;
  if (ifUnmodifiedSince && Number.isNaN(ifUnmodifiedSince.getTime())) {
    throw ValidationError.field("non_field_errors", "If-Unmodified-Since must be an HTTP date.");
  }
  return { ifMatch: req.headers.get("if-match"), ifUnmodifiedSince };
}
