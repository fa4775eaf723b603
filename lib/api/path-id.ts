import { NotFoundError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/schemas/common";

/** A UUID path segment; anything else cannot name a row, so it is a 404 like DRF's lookup. */
export function pathId(id: string): string {
  if (!isUuid(id)) throw new NotFoundError();
  return id.toLowerCase();
}
