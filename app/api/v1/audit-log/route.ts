import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { auditLogQuerySchema, serializeAuditEntry, toAuditFilter } from "@/lib/api/admin/audit-log";
import { requireActorWith } from "@/lib/auth/request-actor";
import { AUDIT_KEYS, listAuditLog } from "@/lib/domain/audit/list-audit-log";

export const dynamic = "force-dynamic";

export const GET = api(async (req: NextRequest) => {
  const actor = await requireActorWith(req, "audit-log:read");
  const filter = toAuditFilter(parseQuery(req, auditLogQuerySchema));
  return json(
    await listPage(req.nextUrl, {
      name: "audit-log",
      keys: AUDIT_KEYS,
      load: (page) => listAuditLog(actor, filter, page),
      serialize: serializeAuditEntry,
    }),
  );
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
