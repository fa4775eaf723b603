import { z } from "zod";
import { dateTimeSchema, idSchema, listParams, pageOf } from "@/lib/schemas/common";
import type { ApiTokenRow } from "@/lib/domain/api-tokens/api-token-select";
import type { TokenOwner } from "@/lib/domain/api-tokens/list-api-tokens";
import { iso } from "@/lib/time/iso";

/** Personal API tokens on the wire (/api/v1/auth/tokens/). */
export const TOKEN_FIELD_NAMES = { expiresAt: "expires_at" } as const;

export const apiTokenCreateSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: "This field may not be blank." })
      .max(100, { error: "Ensure this field has no more than 100 characters." }),
    expires_at: dateTimeSchema.nullable().optional().meta({ description: "When the token stops working (ISO 8601, in the future); null or absent: never." }),
  })
  .meta({ id: "ApiTokenCreate" });

export const apiTokenListQuerySchema = z
  .object({
    user: z
      .union([idSchema, z.literal("all")], { error: "Enter a valid UUID or \"all\"." })
      .optional()
      .meta({ description: "Admins only: one user's tokens (their id), or everyone's (`all`). Default: your own." }),
    ...listParams,
  })
  .meta({ id: "ApiTokenListQuery" });

export function toTokenOwner(q: z.output<typeof apiTokenListQuerySchema>): TokenOwner {
  if (!q.user) return "own";
  return q.user === "all" ? "all" : { userId: q.user };
}

const isoOut = z.string().meta({ format: "date-time" });

export const apiTokenOut = z
  .object({
    id: z.string().meta({ format: "uuid" }),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the secret, to tell tokens apart." }),
    user: z.object({ id: z.string().meta({ format: "uuid" }), email: z.string(), name: z.string() }),
    created_at: isoOut,
    last_used_at: isoOut.nullable().meta({ description: "Updated at most once a minute." }),
    expires_at: isoOut.nullable(),
    revoked_at: isoOut.nullable(),
  })
  .meta({ id: "ApiToken" });

export const apiTokenCreatedOut = apiTokenOut
  .extend({ token: z.string().meta({ description: "The secret (`cf_…`). Shown only in this response: store it now." }) })
  .meta({ id: "ApiTokenCreated" });

export const apiTokenPageOut = pageOf(apiTokenOut, "ApiTokenPage");

export function serializeApiToken(t: ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    user: { id: t.user.id, email: t.user.email, name: t.user.name },
    created_at: iso(t.createdAt)!,
    last_used_at: iso(t.lastUsedAt),
    expires_at: iso(t.expiresAt),
    revoked_at: iso(t.revokedAt),
  };
}
