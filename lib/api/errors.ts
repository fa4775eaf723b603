import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { DomainError, ThrottledError, ValidationError } from "@/lib/domain/errors";

/** DRF validation shape from a zod error: {"field": ["message"], "non_field_errors": [...]}. */
export function zodToFields(err: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "non_field_errors";
    // Messages come from the schemas or from the DRF-worded global map (lib/schemas/error-messages.ts).
    const msg = issue.message;
    (out[key] ??= []).includes(msg) || out[key].push(msg);
  }
  return out;
}

/**
 * The single place where anything thrown becomes an HTTP response: domain errors, zod
 * errors and Prisma errors get their DRF shapes; everything else is a logged, generic 500.
 * `fieldNames` names the domain's fields in the caller's contract.
 */
export function errorResponse(e: unknown, fieldNames?: Readonly<Record<string, string>>): NextResponse {
  if (e instanceof ZodError) return NextResponse.json(zodToFields(e), { status: 400 });
  if (e instanceof ValidationError) return NextResponse.json((fieldNames ? e.renamed(fieldNames) : e).fields, { status: 400 });
  if (e instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (e instanceof ThrottledError) headers["Retry-After"] = String(e.retryAfterSeconds);
    if (e.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="api"';
    return NextResponse.json({ detail: e.message }, { status: e.status, headers });
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code === "P2002") return NextResponse.json({ detail: "A record with these values already exists." }, { status: 409 });
    if (e.code === "P2025") return NextResponse.json({ detail: "Not found." }, { status: 404 });
    if (e.code === "P2003") return NextResponse.json({ detail: "A referenced object does not exist." }, { status: 400 });
    if (e.code === "P2034") return NextResponse.json({ detail: "The change conflicted with a concurrent one. Try again." }, { status: 409 });
  }
  console.error("[api] unhandled error", e);
  return NextResponse.json({ detail: "A server error occurred." }, { status: 500 });
}
