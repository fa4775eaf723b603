import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery } from "@/lib/api/handler";
import { slaReportQuerySchema } from "@/lib/api/support/sla-policy-schemas";
import { requireActor } from "@/lib/auth/request-actor";
import { slaReport } from "@/lib/domain/sla/sla-report";

export const dynamic = "force-dynamic";

/** SLA results of the tickets created in a date range, grouped by policy, team, agent or priority. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const q = parseQuery(req, slaReportQuerySchema);
  const rows = await slaReport(actor, { from: new Date(`${q.from}T00:00:00Z`), to: new Date(`${q.to}T00:00:00Z`), groupBy: q.group_by });
  return json({
    from: q.from,
    to: q.to,
    group_by: q.group_by,
    results: rows.map((r) => ({
      key: r.key,
      label: r.label,
      tickets: r.tickets,
      met: r.met,
      breached: r.breached,
      percent_met: r.percentMet,
      first_response_minutes: r.firstResponse,
      resolution_minutes: r.resolution,
    })),
  });
}, { fields: { groupBy: "group_by" } });

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
