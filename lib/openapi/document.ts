import { z } from "zod";
import type { ApiOperation } from "@/lib/schemas/operation";
import { supportOperations } from "@/lib/api/support/output-schemas";
import { crmOperations } from "@/lib/api/crm/schemas";

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (and
 * the response schemas the serializers are tested against). Named schemas (`.meta({ id })`)
 * become components; everything else is inlined.
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
function components(): Json {
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

function parameters(op: ApiOperation): Json[] {
  const params: Json[] = [];
  if (op.path.includes("{id}")) {
    params.push({ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } });
  }
  const shape = (op.query as z.ZodObject | undefined)?.shape as Record<string, z.ZodType> | undefined;
  for (const [name, s] of Object.entries(shape ?? {})) {
    const js = jsonSchema(s, "input");
    params.push({ name, in: "query", required: false, schema: js, ...(js.description ? { description: js.description } : {}) });
  }
  return params;
}

const ERROR = { $ref: "#/components/schemas/Error" };
const VALIDATION = { $ref: "#/components/schemas/ValidationError" };

function operation(op: ApiOperation): Json {
  const status = String(op.status ?? (op.method === "delete" ? 204 : 200));
  const responses: Json = {
    [status]: op.response
      ? { description: "OK", content: { "application/json": { schema: ref(op.response, "output") } } }
      : { description: op.method === "delete" ? "Deleted" : "The file" },
    "400": { description: "Invalid input", content: { "application/json": { schema: VALIDATION } } },
  };
  if (!op.public) {
    responses["401"] = { description: "Not authenticated", content: { "application/json": { schema: ERROR } } };
    responses["403"] = { description: "Not allowed", content: { "application/json": { schema: ERROR } } };
  }
  if (op.path.includes("{id}")) responses["404"] = { description: "Not found", content: { "application/json": { schema: ERROR } } };
  if (op.method === "patch") responses["412"] = { description: "Stale edit (If-Match)", content: { "application/json": { schema: ERROR } } };
  if (op.public) responses["429"] = { description: "Throttled (Retry-After)", content: { "application/json": { schema: ERROR } } };
  const out: Json = {
    summary: op.summary,
    tags: [op.tag ?? (op.path.startsWith("/api/v1/support/") ? "support" : "crm")],
    parameters: parameters(op),
    responses,
  };
  if (op.public) out.security = [];
  if (op.body) {
    const schema = ref(op.body, "input");
    const content: Json = {};
    if (op.bodyType !== "multipart") content["application/json"] = { schema };
    if (op.bodyType === "multipart" || op.bodyType === "both") {
      content["multipart/form-data"] = {
        schema: { allOf: [schema, { type: "object", properties: { files: { type: "array", items: { type: "string", format: "binary" } }, file: { type: "string", format: "binary" } } }] },
      };
    }
    out.requestBody = { required: true, content };
  }
  return out;
}

export function openApiDocument(serverUrl?: string): Json {
  const ops: ApiOperation[] = [...supportOperations, ...(crmOperations as ApiOperation[])];
  const paths: Record<string, Json> = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Caseflow API",
      version: "1.0.0",
      description:
        "Support API (/api/v1/support/) and CRM ticket API (/api/v1/tickets/, ticket-comments, ticket-attachments) over one domain. DRF conventions: trailing slashes, snake_case, ISO 8601 UTC, cursor pagination {next, previous, results}, errors {detail} or {field: [messages]}.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [
      { name: "auth", description: "API tokens (JWT)" },
      { name: "support", description: "Support API of the frontend integration guide" },
      { name: "crm", description: "CRM ticket API" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        ...components(),
        Error: { type: "object", properties: { detail: { type: "string" } }, required: ["detail"] },
        ValidationError: {
          type: "object",
          additionalProperties: { type: "array", items: { type: "string" } },
          description: 'Field name → messages; "non_field_errors" for the body as a whole.',
        },
      },
    },
  };
}
