import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "../actor";
import { paginate, type PageRequest, type SortKey } from "../keyset";
import { assertCan } from "../policy";

export const auditRowSelect = {
  id: true,
  actorId: true,
  actorEmail: true,
  action: true,
  targetType: true,
  targetId: true,
  summary: true,
  changes: true,
  ip: true,
  userAgent: true,
  createdAt: true,
  actor: { select: { name: true } },
} as const satisfies Prisma.AuditLogSelect;
export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditRowSelect }>;

/** Newest first; the (created_at DESC, id DESC) index serves every page. */
export const AUDIT_KEYS: SortKey<AuditRow>[] = [
  { field: "createdAt", dir: "desc", type: "date", get: (r) => r.createdAt },
  { field: "id", dir: "desc", type: "string", get: (r) => r.id },
];

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  createdAfter?: Date;
  createdBefore?: Date;
}

/** The audit log, read-only, for admins (the admin area's page and GET /api/v1/audit-log/). */
export async function listAuditLog(actor: Actor, f: AuditFilter, page: PageRequest<AuditRow>) {
  assertCan(actor, "audit-log:read");
  const prisma = await db();
  const where: Prisma.AuditLogWhereInput = {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.createdAfter || f.createdBefore
      ? { createdAt: { ...(f.createdAfter ? { gte: f.createdAfter } : {}), ...(f.createdBefore ? { lte: f.createdBefore } : {}) } }
      : {}),
  };
  return paginate(page, (args) =>
    prisma.auditLog.findMany({
      where: { AND: [where, args.where as Prisma.AuditLogWhereInput] },
      orderBy: args.orderBy as Prisma.AuditLogOrderByWithRelationInput[],
      take: args.take,
      select: auditRowSelect,
    }),
  );
}
