import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { NotFoundError } from "../errors";
import { can } from "../policy";
import { apiTokenSelect, type ApiTokenRow } from "./api-token-select";

/**
 * Revokes a token: its owner, or an admin for anyone's. Someone else's token is a 404 to a
 * non-admin (they cannot learn which ids exist). Revoking twice is a 404 the second time.
 */
export async function revokeApiToken(actor: Actor, id: string, origin: RequestOrigin | null = null): Promise<ApiTokenRow> {
  const any = can(actor, "api-token:manage-any");
  const prisma = await db();
  return withTransaction(prisma, async (tx) => {
    const done = await tx.apiToken.updateMany({
      where: { id, revokedAt: null, ...(any ? {} : { userId: actor.id }) },
      data: { revokedAt: new Date() },
    });
    if (done.count !== 1) throw new NotFoundError();
    const t = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: apiTokenSelect });
    const whose = t.user.id === actor.id ? "" : ` of ${t.user.email}`;
    await recordAudit(tx, {
      actor,
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: t.id,
      summary: `Revoked API token "${t.name}" (${t.prefix}…)${whose}`,
      changes: { owner_id: t.user.id },
      origin,
    });
    return t;
  });
}
