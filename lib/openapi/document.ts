import { z } from "zod";
import type { ApiOperation } from "@/lib/schemas/operation";
import { supportOperations } from "@/lib/api/support/output-schemas";
import { crmOperations } from "@/lib/api/crm/schemas";
import { extraOperations } from "./extra-operations";
import { accountOperations } from "@/lib/api/auth/operations";
import { adminOperations } from "@/lib/api/admin/operations";
import { invitationOperations } from "@/lib/api/admin/invitations";
import { teamOperations } from "@/lib/api/admin/teams";
import { companyOperations } from "@/lib/api/admin/companies";
import {
  errorResponseRef,
  errorSchemas,
  headers,
  parameters as sharedParameters,
  rateLimitHeaders,
  requestHeader,
  responseComponents,
  responseHeader,
} from "./http";
import { operationDocs } from "./operation-docs";
import { operationId } from "./operation-id";
import { pruneUnusedSchemas } from "./prune";

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (and
 * the response schemas the serializers are tested against). Named schemas (`.meta({ id })`)
 * become components; everything else is inlined. Descriptions, headers and extra error
 * statuses come from operation-docs.ts; the shared HTTP parts from http.ts.
 */
const REF = (id: string) => `#/components/schemas/${id}`;

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const out = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as Json;
  delete out.$schema;
  return out;
}

/**
 * Every named schema, converted together so they reference each other by $ref. Input mode:
 * request schemas transform their input (dates, UUIDs), and clients send the input side.
 */
function components(): Record<string, Json> {
  const all = z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", io: "input", unrepresentable: "any", uri: REF }) as {
    schemas: Record<string, Json>;
  };
  for (const s of Object.values(all.schemas)) {
    delete s.$schema;
    delete s.id;
    delete s.$id;
  }
  return all.schemas;
}

function ref(s: z.ZodType, io: "input" | "output"): Json {
  const id = z.globalRegistry.get(s)?.id;
  return id ? { $ref: REF(id) } : jsonSchema(s, io);
}

/** Query parameters every list shares; the zod schemas read them as strings. */
const QUERY_OVERRIDES: Record<string, Json> = {
  page_size: { description: "Results per page (default 25, at most 100).", schema: { type: "integer", minimum: 1, maximum: 100 } },
  cursor: { description: "Opaque position token; take it from the `next` or `previous` URL of a page." },
};

function queryParameters(op: ApiOperation): Json[] {
  const shape = (op.query as z.ZodObject | undefined)?.shape as Record<string, z.ZodType> | undefined;
  return Object.entries(shape ?? {}).map(([name, s]) => {
    const js = jsonSchema(s, "input");
    const { description, ...schema } = js;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema, ...QUERY_OVERRIDES[name] };
  });
}

const isPost = (op: ApiOperation) => op.method === "post";
/** Idempotency keys belong to a user, so only authenticated POSTs take one. */
const takesIdempotencyKey = (op: ApiOperation) => isPost(op) && !op.public && op.idempotencyKey !== false;

function parameters(op: ApiOperation, conditional: (keyof typeof requestHeader)[]): Json[] {
  const params: Json[] = [];
  if (op.path.includes("{id}")) params.push({ $ref: "#/components/parameters/Id" });
  params.push(...queryParameters(op));
  params.push(...(operationDocs[`${op.method} ${op.path}`]?.parameters ?? []));
  if (takesIdempotencyKey(op)) params.push(requestHeader["Idempotency-Key"]);
  for (const h of conditional) params.push(requestHeader[h]);
  return params;
}

/** The statuses an operation can fail with, from its shape plus what its docs add. */
function errorStatuses(op: ApiOperation, extra: number[], conditional: unknown[]): number[] {
  const out = new Set<number>(extra);
  if (op.body || op.query) out.add(400);
  if (!op.public) out.add(401).add(403);
  if (op.path.includes("{id}")) out.add(404);
  if (op.body) out.add(413).add(415);
  if (takesIdempotencyKey(op)) out.add(409).add(422);
  if (conditional.length) out.add(412);
  out.add(429);
  return [...out].sort((a, b) => a - b);
}

function successResponse(op: ApiOperation, resourceHeaders: string[]): [string, Json] {
  const status = String(op.status ?? (op.method === "delete" ? 204 : 200));
  const hdrs: Json = { ...rateLimitHeaders };
  for (const h of resourceHeaders) hdrs[h] = responseHeader[h as keyof typeof responseHeader];
  if (takesIdempotencyKey(op)) hdrs["Idempotent-Replayed"] = responseHeader["Idempotent-Replayed"];
  if (op.response) {
    return [status, { description: status === "201" ? "Created" : "OK", headers: hdrs, content: { "application/json": { schema: ref(op.response, "output") } } }];
  }
  if (op.produces === "text/event-stream") {
    const events = { type: "string", description: "Server-Sent Events: `event:`, `id:` and JSON `data:` lines, one blank line after each event." };
    return [status, { description: "An open event stream", headers: hdrs, content: { "text/event-stream": { schema: events } } }];
  }
  if (op.method === "delete") return [status, { description: "Deleted", headers: hdrs }];
  if (status === "204") return [status, { description: "No content", headers: hdrs }];
  return [status, { description: "The file's bytes", headers: hdrs, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } }];
}

function requestBody(op: ApiOperation): Json {
  const schema = ref(op.body!, "input");
  const content: Json = {};
  if (op.bodyType !== "multipart") content["application/json"] = { schema };
  if (op.bodyType === "multipart") content["multipart/form-data"] = { schema };
  if (op.bodyType === "both") {
    const files = { type: "object", properties: { files: { type: "array", items: { type: "string", format: "binary" }, description: "Attachments." } } };
    content["multipart/form-data"] = { schema: { allOf: [schema, files] } };
  }
  return { required: true, content };
}

const AUTHENTICATED = [{ bearerAuth: [] }, { sessionCookie: [] }];

function operation(op: ApiOperation): Json {
  const key = `${op.method} ${op.path}`;
  const doc = operationDocs[key];
  if (!doc) throw new Error(`OpenAPI: no description for ${key} (add it to lib/openapi/operation-docs.ts)`);
  const conditional = doc.conditional ?? [];
  const [status, success] = successResponse(op, doc.headers ?? []);
  const responses: Json = { [status]: success };
  for (const s of errorStatuses(op, doc.errors ?? [], conditional)) responses[String(s)] = errorResponseRef(s);
  const out: Json = {
    operationId: operationId(op),
    summary: op.summary,
    description: doc.description,
    tags: [op.tag ?? (op.path.startsWith("/api/v1/support/") ? "support" : "crm")],
    security: op.public ? [] : AUTHENTICATED,
    parameters: parameters(op, conditional),
    responses,
  };
  if (op.body) out.requestBody = requestBody(op);
  return out;
}

export function allOperations(): ApiOperation[] {
  return [
    ...supportOperations,
    ...accountOperations,
    ...adminOperations,
    ...extraOperations,
    ...(crmOperations as ApiOperation[]),
    ...invitationOperations,
    ...teamOperations,
    ...companyOperations,
  ];
}

export function openApiDocument(serverUrl?: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of allOperations()) (paths[op.path] ??= {})[op.method] = operation(op);
  const doc = {
    openapi: "3.1.0",
    info: {
      title: "Caseflow API",
      version: "1.0.0",
      contact: { name: "Caseflow maintainers" },
      description:
        "Support API (/api/v1/support/) and CRM ticket API (/api/v1/tickets/, ticket-comments, ticket-attachments) over one domain. DRF conventions: trailing slashes, snake_case, ISO 8601 UTC, cursor pagination {next, previous, results}, errors {detail} or {field: [messages]}. Every response carries RateLimit-* headers; every authenticated POST accepts an Idempotency-Key.",
    },
    // Relative by default: the API is served by the same origin as this document.
    servers: [{ url: serverUrl ?? "/" }],
    security: AUTHENTICATED,
    tags: [
      { name: "auth", description: "API tokens (JWT) and self-service accounts (sign-up, email verification, password reset, sign-in links)" },
      { name: "public", description: "Anonymous endpoints (the public ticket form)" },
      { name: "support", description: "Support API of the frontend integration guide" },
      { name: "crm", description: "CRM ticket API" },
      { name: "admin", description: "Administration (admins and super admins only; 403 for everyone else): users, the audit log, invitations, teams, companies, settings" },
      { name: "schema", description: "This document" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT or personal API token (cf_…)" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { ...components(), ...errorSchemas },
      responses: responseComponents(),
      parameters: sharedParameters,
      headers,
    },
  };
  return pruneUnusedSchemas(doc);
}
