import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as schemaRoute from "@/app/api/v1/schema/route";
import { supportEventOut, supportMessageOut, supportTicketOut } from "@/lib/api/support/output-schemas";
import { pageOf } from "@/lib/schemas/common";
import { useTestDb } from "./support/db";
import { call } from "./support/http";
import { makeUser } from "./support/cast";
import { supportApi } from "./support/api";
import { newTicket } from "./support/fixtures";

useTestDb();

describe("OpenAPI document", () => {
  it("is served at /api/v1/schema/ as OpenAPI 3.1 with both APIs", async () => {
    const r = await call(schemaRoute.GET as any, "GET", "/api/v1/schema/");
    expect(r.status).toBe(200);
    const doc = r.json;
    expect(doc.openapi).toBe("3.1.0");
    for (const p of [
      "/api/v1/support/tickets/", "/api/v1/support/tickets/{id}/", "/api/v1/support/tickets/{id}/mark-read/",
      "/api/v1/support/messages/", "/api/v1/support/events/", "/api/v1/auth/token/", "/api/v1/auth/token/refresh/",
      "/api/v1/tickets/", "/api/v1/tickets/{id}/", "/api/v1/tickets/stats/", "/api/v1/ticket-comments/", "/api/v1/ticket-attachments/",
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    const list = doc.paths["/api/v1/support/tickets/"].get;
    const names = list.parameters.map((p: any) => p.name);
    for (const f of ["status", "priority", "assigned_to", "contact", "order", "channel", "created_at_after", "sla_overdue", "search", "ordering", "cursor", "page_size"]) {
      expect(names).toContain(f);
    }
    expect(list.parameters.find((p: any) => p.name === "status").schema.enum).toEqual(["new", "assigned", "in_progress", "pending", "resolved", "closed"]);
    // Request bodies come from the validating schemas.
    const create = doc.components.schemas.SupportTicketCreate;
    expect(create.required).toEqual(["subject"]);
    expect(create.properties.initial_message).toBeDefined();
    expect(doc.paths["/api/v1/support/messages/"].post.requestBody.content).toHaveProperty(["multipart/form-data"]);
  });

  it("describes what the API really returns (responses validate against the response schemas)", async () => {
    const c = await makeUser();
    const agent = await makeUser({ role: "customer_service" });
    const t = await newTicket(c);
    await supportApi.postMessage(agent, { ticket: t.id, body: "Reply" });
    supportTicketOut.parse(t);
    pageOf(supportTicketOut, "x").parse((await supportApi.listTickets(agent)).json);
    z.array(supportMessageOut).parse((await supportApi.listMessages(agent, { ticket: t.id })).json.results);
    z.array(supportEventOut).parse((await supportApi.listEvents(agent, { ticket: t.id })).json.results);
  });
});
