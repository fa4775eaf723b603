import type { ApiOperation } from "@/lib/schemas/operation";
import { z } from "zod";

const ACTION: Record<ApiOperation["method"], string> = {
  get: "retrieve",
  post: "create",
  put: "update",
  patch: "partial_update",
  delete: "destroy",
};

/**
 * drf-spectacular's operationId: the path after /api/v1/ without parameters, joined by "_"
 * (dashes too), then the action: `list` for a GET of a paginated collection, otherwise
 * retrieve/create/update/partial_update/destroy by method. E.g. GET /api/v1/support/tickets/
 * is `support_tickets_list`, POST /api/v1/tickets/{id}/assign/ is `tickets_assign_create`.
 * Generated clients name their functions after it, so tests pin the whole list.
 */
export function operationId(op: Pick<ApiOperation, "method" | "path" | "response">): string {
  const words = op.path
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .filter((s) => s && !s.startsWith("{"))
    .map((s) => s.replace(/-/g, "_"));
  const responseId = op.response ? z.globalRegistry.get(op.response)?.id : undefined;
  const list = op.method === "get" && !op.path.endsWith("}/") && !!responseId?.endsWith("Page");
  return [...words, list ? "list" : ACTION[op.method]].join("_");
}
