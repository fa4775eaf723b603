import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { actorSelect } from "@/lib/domain/actor";
import { loadActor } from "@/lib/domain/auth/authenticate";
import { useTestDb } from "./support/db";
import { makeUser, type TestUser } from "./support/cast";

useTestDb();

/**
 * loadActor reads the user with a hand-written statement (it runs on every API request); it
 * must return exactly what Prisma's `actorSelect` reads, and refuse the same users.
 */
let agent: TestUser;
let teamId: string;

beforeAll(async () => {
  const prisma = await db();
  agent = await makeUser({ role: "customer_service", isStaff: true, permissions: ["support.view_ticket", "support.change_ticket"], name: "Zoë O'Brien" });
  teamId = (await prisma.team.create({ data: { name: `Load actor ${Date.now()}` } })).id;
  await prisma.user.update({ where: { id: agent.id }, data: { teamId } });
});

const viaPrisma = async (id: string) => {
  const { isActive: _a, ...actor } = await (await db()).user.findUniqueOrThrow({ where: { id }, select: actorSelect });
  return actor;
};

describe("loadActor", () => {
  it("returns what actorSelect reads, key for key and type for type", async () => {
    const loaded = await loadActor(agent.id);
    const expected = await viaPrisma(agent.id);
    expect(loaded).toEqual(expected);
    expect(Object.keys(loaded!).sort()).toEqual(Object.keys(actorSelect).filter((k) => k !== "isActive").sort());
    expect(loaded!.teamId).toBe(teamId);
    expect(loaded!.permissions).toEqual(["support.view_ticket", "support.change_ticket"]);

    const customer = await makeUser();
    expect(await loadActor(customer.id)).toEqual(await viaPrisma(customer.id));
    expect((await loadActor(customer.id))!.teamId).toBeNull();
  });

  it("refuses unknown, malformed and deactivated users", async () => {
    expect(await loadActor("00000000-0000-4000-8000-000000000000")).toBeNull();
    for (const bad of ["", "not-a-uuid", "1; DROP TABLE users", `${agent.id}x`]) expect(await loadActor(bad), bad).toBeNull();
    const gone = await makeUser();
    await (await db()).user.update({ where: { id: gone.id }, data: { isActive: false } });
    expect(await loadActor(gone.id)).toBeNull();
  });

  it("refuses credentials issued before the user's sessions were ended, and accepts later ones", async () => {
    const user = await makeUser();
    const endedAt = new Date(Date.now() - 60_000);
    await (await db()).user.update({ where: { id: user.id }, data: { sessionsValidAfter: endedAt } });
    expect(await loadActor(user.id, endedAt.getTime() - 1)).toBeNull();
    expect(await loadActor(user.id, null)).toBeNull();
    expect(await loadActor(user.id, endedAt.getTime())).toEqual(await viaPrisma(user.id));
  });
});
