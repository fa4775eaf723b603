import { z } from "zod";
import { idSchema, listParams, pageOf, rangeBound } from "@/lib/schemas/common";
import type { AuditFilter, AuditRow } from "@/lib/domain/audit/list-audit-log";

/** GET /api/v1/audit-log/: filters, output shape and the mapping to the domain. */
const text = (max: number) => z.string().max(max, { error: `Ensure this value has at most ${max} characters.` });

export const auditLogQuerySchema = z
  .object({
    actor: idSchema.optional().meta({ description: "The acting user's id." }),
    action: text(100).optional().meta({ description: "Exact action, e.g. user.updated, auth.signed_in." }),
    target_type: text(50).optional(),
    target_id: text(200).optional(),
    created_after: rangeBound("after").optional(),
    created_before: rangeBound("before").optional(),
    ...listParams,
  })
  .meta({ id: "AuditLogQuery" });

export function toAuditFilter(q: z.output<typeof auditLogQuerySchema>): AuditFilter {
  return {
    ...(q.actor ? { actorId: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.target_type ? { targetType: q.target_type } : {}),
    ...(q.target_id ? { targetId: q.target_id } : {}),
    ...(q.created_after ? { createdAfter: q.created_after } : {}),
    ...(q.created_before ? { createdBefore: q.created_before } : {}),
  };
}

export function serializeAuditEntry(r: AuditRow) {
  return {
    id: r.id,
    actor: r.actorId ? { id: r.actorId, email: r.actorEmail ?? "", name: r.actor?.name ?? "" } : null,
    actor_email: r.actorEmail,
    action: r.action,
    target_type: r.targetType,
    target_id: r.targetId,
    summary: r.summary,
    changes: (r.changes ?? {}) as Record<string, unknown>,
    ip: r.ip,
    user_agent: r.userAgent,
    created_at: r.createdAt.toISOString(),
  };
}

const uuid = z.string().meta({ format: "uuid" });
export const auditEntryOut = z
  .object({
    id: uuid,
    actor: z
      .object({ id: uuid, email: z.string(), name: z.string() })
      .strict()
      .nullable()
      .meta({ description: "The user who acted while they still exist; null for anonymous attempts and deleted users." }),
    actor_email: z.string().nullable().meta({ description: "The actor's address when the entry was written." }),
    action: z.string(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    summary: z.string(),
    changes: z.record(z.string(), z.unknown()).meta({ description: "Per-field {from, to}, or details such as a sign-in's method." }),
    ip: z.string().nullable().meta({ description: "Client address as seen by the trusted proxies; null when unknown." }),
    user_agent: z.string().nullable(),
    created_at: z.string().meta({ format: "date-time" }),
  })
  .strict()
  .meta({ id: "AuditEntry" });
export const auditLogPageOut = pageOf(auditEntryOut, "AuditLogPage");
