import type { Prisma } from "@/lib/db/generated/client";

/** Where a request came from, as far as we can trust it (see lib/api/request-origin.ts). */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  /** Who did it; null for the system or an anonymous caller (a failed sign-in). */
  actor: { id: string; email: string } | null;
  /** Dotted verb: "user.updated", "auth.signed_in", "invitation.created"... */
  action: string;
  targetType?: string;
  targetId?: string;
  /** One human line, e.g. "Changed Ada Lovelace's role from agent to admin". */
  summary: string;
  /** Per-field changes, e.g. { role: { from: "customer_service", to: "admin" } }. */
  changes?: Record<string, unknown>;
  origin?: RequestOrigin | null;
}

/**
 * Appends one audit-log row. Called inside the transaction of the change it records, so a
 * change is never committed without its row, nor a row written for a change rolled back.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      summary: entry.summary,
      changes: (entry.changes ?? {}) as Prisma.InputJsonObject,
      ip: entry.origin?.ip ?? null,
      userAgent: entry.origin?.userAgent ?? null,
    },
  });
}
