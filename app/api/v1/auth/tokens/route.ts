import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed, parseQuery, readBody } from "@/lib/api/handler";
import { listPage } from "@/lib/api/pagination";
import { apiTokenCreateSchema, apiTokenListQuerySchema, serializeApiToken, toTokenOwner, TOKEN_FIELD_NAMES } from "@/lib/api/auth/tokens";
import { requestOrigin } from "@/lib/api/request-origin";
import { requireActor, requireAuth } from "@/lib/auth/request-actor";
import { API_TOKEN_KEYS } from "@/lib/domain/api-tokens/api-token-select";
import { createApiToken } from "@/lib/domain/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/domain/api-tokens/list-api-tokens";

export const dynamic = "force-dynamic";

/** GET: your live tokens, newest first (admins: `?user=<id>` or `?user=all`). Never the secrets. */
export const GET = api(async (req: NextRequest) => {
  const actor = await requireActor(req);
  const owner = toTokenOwner(parseQuery(req, apiTokenListQuerySchema));
  return json(
    await listPage(req.nextUrl, {
      name: "auth.tokens",
      keys: API_TOKEN_KEYS,
      load: (page) => listApiTokens(actor, owner, page),
      serialize: serializeApiToken,
    }),
  );
});

/** POST {name, expires_at?} → 201 with the secret as `token`, once. Needs a password sign-in. */
export const POST = api(async (req: NextRequest) => {
  const { actor, via } = await requireAuth(req);
  const { data } = await readBody(req);
  const input = apiTokenCreateSchema.parse(data);
  const { token, secret } = await createApiToken(actor, { name: input.name, expiresAt: input.expires_at ?? null }, via, requestOrigin(req));
  return json({ ...serializeApiToken(token), token: secret }, { status: 201 });
}, { fields: TOKEN_FIELD_NAMES });

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
