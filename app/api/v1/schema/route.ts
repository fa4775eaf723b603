import type { NextRequest } from "next/server";
import { api, json, methodNotAllowed } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

let cached: ReturnType<typeof openApiDocument> | undefined;

/** The OpenAPI 3.1 document of both APIs (public, like DRF's schema view). */
export const GET = api(async (req: NextRequest) => {
  cached ??= openApiDocument();
  return json({ ...cached, servers: [{ url: process.env.PUBLIC_URL?.trim() || req.nextUrl.origin }] }, {
    headers: { "Cache-Control": "public, max-age=300" },
  });
});

export const POST = methodNotAllowed(["GET"]);
