import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/v1/admin/settings/route";
import { db } from "@/lib/db/client";
import { getSetting, getSettings } from "@/lib/domain/settings/get-settings";
import { makeCast, type Cast } from "./support/cast";
import { useTestDb } from "./support/db";
import { supportApi } from "./support/api";
import { withEnv } from "./support/env-override";
import { call, handler } from "./support/http";

useTestDb();

type U = { token: string };
const getAll = (user: U | null) => call(handler(settingsRoute.GET), "GET", "/api/v1/admin/settings/", { user });
const patch = (user: U | null, body: unknown) => call(handler(settingsRoute.PATCH), "PATCH", "/api/v1/admin/settings/", { user, body });

let cast: Cast;
beforeAll(async () => {
  cast = await makeCast();
});
beforeEach(async () => {
  await (await db()).appSetting.deleteMany();
});

describe("app settings", () => {
  it("have defaults in code while no row exists; auto_assign_on_reply defaults to AUTO_ASSIGN_ON_REPLY", async () => {
    expect((await getAll(cast.admin)).json).toEqual({ public_ticket_form: false, auto_assign_on_reply: true });
    await withEnv({ AUTO_ASSIGN_ON_REPLY: "0" }, async () => {
      expect((await getAll(cast.superAdmin)).json).toEqual({ public_ticket_form: false, auto_assign_on_reply: false });
      expect(await getSetting("auto_assign_on_reply")).toBe(false);
    });
  });

  it("are changed by admins (validated, audited); a stored value wins over the environment", async () => {
    const r = await patch(cast.admin, { public_ticket_form: true });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ public_ticket_form: true, auto_assign_on_reply: true });
    await withEnv({ AUTO_ASSIGN_ON_REPLY: "1" }, async () => {
      expect((await patch(cast.admin, { auto_assign_on_reply: false })).json.auto_assign_on_reply).toBe(false);
      expect((await getAll(cast.admin)).json).toEqual({ public_ticket_form: true, auto_assign_on_reply: false });
    });
    const s = await getSettings();
    expect(s.changed.public_ticket_form?.byId).toBe(cast.admin.id);

    expect((await patch(cast.admin, { public_ticket_form: "yes" })).json).toEqual({ public_ticket_form: ["Must be a valid boolean."] });
    expect((await patch(cast.admin, { no_such_setting: true })).status).toBe(400);

    const prisma = await db();
    const audit = await prisma.auditLog.findMany({ where: { action: "settings.updated", actorId: cast.admin.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.changes)).toEqual([
      { public_ticket_form: { from: false, to: true } },
      { auto_assign_on_reply: { from: true, to: false } },
    ]);
    // Setting a value to what it is already changes nothing and writes no audit row.
    await patch(cast.admin, { public_ticket_form: true });
    expect(await prisma.auditLog.count({ where: { action: "settings.updated", actorId: cast.admin.id } })).toBe(2);
  });

  it("are refused to everyone else: 403 (401 anonymous), even with a bad body", async () => {
    for (const u of [cast.customer, cast.agent, cast.salesManager]) {
      expect((await getAll(u)).status).toBe(403);
      expect((await patch(u, { public_ticket_form: true })).status).toBe(403);
      expect((await patch(u, { nonsense: 1 })).status).toBe(403);
    }
    expect((await getAll(null)).status).toBe(401);
    expect(await getSetting("public_ticket_form")).toBe(false);
  });

  it("auto_assign_on_reply decides whether an agent's first reply takes an unassigned ticket", async () => {
    const { customer, agent, admin } = cast;
    const first = await supportApi.createTicket(customer, { subject: "one", description: "x" });
    await patch(admin, { auto_assign_on_reply: false });
    expect((await supportApi.postMessage(agent, { ticket: first.json.id, body: "hi" })).status).toBe(201);
    expect((await supportApi.getTicket(agent, first.json.id)).json.assigned_to).toBeNull();

    await patch(admin, { auto_assign_on_reply: true });
    const second = await supportApi.createTicket(customer, { subject: "two", description: "x" });
    await withEnv({ AUTO_ASSIGN_ON_REPLY: "0" }, async () => {
      expect((await supportApi.postMessage(agent, { ticket: second.json.id, body: "hi" })).status).toBe(201);
    });
    expect((await supportApi.getTicket(agent, second.json.id)).json.assigned_to).toBe(agent.id);
  });
});
