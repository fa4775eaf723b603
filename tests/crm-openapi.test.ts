import { describe, expect, it } from "vitest";
import { z } from "zod";
import { crmOperations } from "@/lib/api/crm/schemas";
import { openApiDocument } from "@/lib/openapi/document";

const EXPECTED = [
  "get /api/v1/tickets/", "post /api/v1/tickets/", "get /api/v1/tickets/stats/",
  "get /api/v1/tickets/{id}/", "patch /api/v1/tickets/{id}/", "delete /api/v1/tickets/{id}/",
  "post /api/v1/tickets/{id}/add_comment/", "post /api/v1/tickets/{id}/assign/",
  "get /api/v1/ticket-comments/", "post /api/v1/ticket-comments/",
  "get /api/v1/ticket-comments/{id}/", "patch /api/v1/ticket-comments/{id}/", "delete /api/v1/ticket-comments/{id}/",
  "post /api/v1/ticket-attachments/", "get /api/v1/ticket-attachments/{id}/", "delete /api/v1/ticket-attachments/{id}/",
];

describe("CRM operations for the OpenAPI document", () => {
  it("describes every CRM endpoint with named request schemas", () => {
    expect(crmOperations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([...EXPECTED].sort());
    for (const op of crmOperations) {
      if (op.body) expect(z.globalRegistry.get(op.body)?.id, op.path).toMatch(/^Crm/);
      for (const s of [op.query, op.body, op.response]) if (s) expect(() => z.toJSONSchema(s, { io: "input", unrepresentable: "any" })).not.toThrow();
    }
  });

  it("appears in the OpenAPI document next to the support API", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    for (const key of EXPECTED) {
      const [method, path] = key.split(" ");
      expect(doc.paths[path]?.[method], key).toBeTruthy();
    }
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/api/v1/support/"))).toBe(true);
  });
});
