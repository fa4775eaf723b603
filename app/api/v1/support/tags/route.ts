import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { tagSuggestQuerySchema } from "@/lib/api/support/tags";
import { requireActor } from "@/lib/auth/request-actor";
import { suggestTags } from "@/lib/domain/tickets/suggest-tags";

export const dynamic = "force-dynamic";

/** Popular tags for autocomplete: one page in the DRF list shape (no further pages). */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, tagSuggestQuerySchema);
  const results = await suggestTags(actor, { search: q.search, limit: q.page_size ?? 20 });
  return json({ next: null, previous: null, results });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
