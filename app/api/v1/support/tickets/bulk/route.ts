import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, readBody } from "@/lib/api/handler";
import { bulkSchema, serializeBulkResults, toBulkInput } from "@/lib/api/support/bulk";
import { MACRO_FIELD_NAMES } from "@/lib/api/support/macros";
import { SUPPORT_FIELD_NAMES } from "@/lib/api/support/mappers";
import { requireActor } from "@/lib/auth/request-actor";
import { bulkUpdateTickets } from "@/lib/domain/tickets/bulk-update-tickets";

export const dynamic = "force-dynamic";

export const POST = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const { data } = await readBody(req);
  const results = await bulkUpdateTickets(actor, toBulkInput(bulkSchema.parse(data)));
  return json({ results: await serializeBulkResults(results, actor) });
}, { fields: { ...SUPPORT_FIELD_NAMES, ...MACRO_FIELD_NAMES }, idempotent: true });

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
