import { beforeAll, describe, expect, it } from "vitest";
import * as capabilitiesRoute from "@/app/api/v1/support/tickets/[id]/capabilities/route";
import { supportApi } from "./support/api";
import { makeCast, type Cast, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { call, handler } from "./support/http";
import { newTicket } from "./support/fixtures";

useTestDb();

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast();
});

const capabilities = (user: TestUser, id: string) =>
  call(handler(capabilitiesRoute.GET), "GET", `/api/v1/support/tickets/${id}/capabilities/`, { user, params: { id } });

describe("GET /api/v1/support/tickets/{id}/capabilities/", () => {
  it("gives each caller the server's decision, with the ticket's ETag", async () => {
    const t = await newTicket(cast.customer);
    expect((await supportApi.patchTicket(cast.agent, t.id, { assigned_to: cast.agent.id })).status).toBe(200);
    const mine = await capabilities(cast.agent, t.id);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("etag")).toBe((await supportApi.getTicket(cast.agent, t.id)).headers.get("etag"));
    expect(mine.json).toMatchObject({ can_change_status: true, can_reassign: true, can_assign_to_self: false, can_delete: false, can_post_internal: true });
    const colleague = await capabilities(cast.otherAgent, t.id);
    expect(colleague.json).toMatchObject({ can_change_status: false, can_reassign: false, can_assign_to_self: false, can_update: true });
    expect((await capabilities(cast.admin, t.id)).json).toMatchObject({ can_change_status: true, can_delete: true, can_assign_to_self: true });
    expect((await capabilities(cast.customer, t.id)).json).toMatchObject({ can_view: true, can_post: true, can_update: false, can_post_internal: false });
    expect((await capabilities(cast.otherCustomer, t.id)).status).toBe(404);
    expect((await capabilities(null as unknown as TestUser, t.id)).status).toBe(401);
  });

  it("lets the assignee unassign: the implied assigned → new move comes with the assignment", async () => {
    const t = await newTicket(cast.customer);
    expect((await supportApi.patchTicket(cast.agent, t.id, { assigned_to: cast.agent.id })).json.status).toBe("assigned");
    const r = await supportApi.patchTicket(cast.agent, t.id, { assigned_to: null });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ assigned_to: null, status: "new" });
    // An explicit status from someone who is not (or no longer) the assignee is still refused.
    expect((await supportApi.patchTicket(cast.otherAgent, t.id, { status: "pending" })).status).toBe(403);
  });
});
