import { beforeAll, describe, expect, it } from "vitest";
import { db, dbHandle } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/actor";
import { paginate, type Page, type Position } from "@/lib/domain/keyset";
import { resolveTicketWhere, sliceWhere, ticketSortKeys } from "@/lib/domain/tickets/list-tickets";
import { compileTicketPage, ticketRowOf } from "@/lib/domain/tickets/ticket-sql";
import { ticketSelect, type TicketRow } from "@/lib/domain/tickets/ticket-select";
import { CHANNELS, PRIORITIES, STATUSES, type SortSpec, type TicketFilter, type TicketSearchField, type TicketSortField } from "@/lib/domain/tickets/types";
import { useTestDb } from "./support/db";
import { makeCast, makeUser, type TestUser } from "./support/cast";

useTestDb();

/**
 * The summary list runs one hand-compiled statement (lib/domain/tickets/ticket-sql.ts) instead
 * of Prisma's findMany. Both must answer every filter, actor, ordering and cursor alike: here
 * random filters are run both ways, page after page in both directions, on tickets built to
 * hit the edges (NULL deadlines, tied timestamps, every status and priority, customers seeing
 * tickets through their contact, LIKE wildcards in the data and the terms).
 */
const N = 240;
let cast: Awaited<ReturnType<typeof makeCast>>;
let customers: TestUser[];
const ids = { contacts: [] as string[], companies: [] as string[], teams: [] as { id: string; name: string }[] };

/** A small deterministic PRNG (mulberry32): a failure names its seed and replays. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const BASE = Date.UTC(2026, 10, 1);
const day = 86_400_000;
const WORDS = ["refund", "Refund", "delivery", "invoice", "LOGIN", "100%", "a_b", "back\\slash", "café", "x", "zz", "#1"];

beforeAll(async () => {
  cast = await makeCast();
  customers = [cast.customer, cast.otherCustomer, await makeUser({ name: "Third Customer" })];
  const prisma = await db();
  for (const name of ["Acme_Co", "AcmeXCo", "Globex 100%"]) ids.companies.push((await prisma.company.create({ data: { name } })).id);
  for (const name of ["Support Tier_1", "Support TierX1"]) ids.teams.push(await prisma.team.upsert({ where: { name }, update: {}, create: { name }, select: { id: true, name: true } }));
  // Contacts: one per customer (a customer sees tickets filed through their contact), two without users.
  for (const [i, email] of ["c0@shop.test", "c1_x@shop.test", "c2@globex.test", "lone%@shop.test", "other@acme.test"].entries()) {
    const c = await prisma.contact.create({ data: { email, userId: customers[i]?.id ?? null, companyId: ids.companies[i % 3] } });
    ids.contacts.push(c.id);
  }
  const r = rng(7);
  const agents = [cast.agent.id, cast.otherAgent.id, cast.admin.id];
  const rows = Array.from({ length: N }, (_, n) => {
    const created = new Date(BASE + r.int(20) * day + (r.chance(0.3) ? 0 : r.int(day)));
    const subject = `${r.pick(WORDS)} ${r.pick(WORDS)} request ${n}`;
    return {
      number: `T-SQL-${String(n).padStart(5, "0")}`,
      subject,
      description: r.chance(0.5) ? `Details: ${r.pick(WORDS)}` : "",
      status: r.pick(STATUSES),
      priority: r.pick(PRIORITIES),
      category: r.pick(["billing", "Billing", "bill_ng", "tech", ""]),
      channel: r.pick(CHANNELS),
      tags: r.chance(0.5) ? [r.pick(["vip", "refund", "a_b"]), ...(r.chance(0.3) ? ["urgent"] : [])] : [],
      // Tied deadlines and a fifth without any.
      slaDueAt: r.chance(0.2) ? null : new Date(BASE + r.int(40) * day),
      userId: r.chance(0.6) ? r.pick(customers).id : null,
      contactId: r.chance(0.5) ? r.pick(ids.contacts) : null,
      companyId: r.chance(0.5) ? r.pick(ids.companies) : null,
      assignedToId: r.chance(0.6) ? r.pick(agents) : null,
      assignedTeamId: r.chance(0.5) ? r.pick(ids.teams).id : null,
      createdAt: created,
      updatedAt: r.chance(0.3) ? created : new Date(created.getTime() + r.int(5) * day),
      lastMessageAt: r.chance(0.3) ? created : new Date(created.getTime() + r.int(3) * day),
    };
  });
  await prisma.ticket.createMany({
    data: rows.map((t) => ({ ...t, priorityRank: PRIORITIES.indexOf(t.priority) + 1 })),
  });
  const tickets = await prisma.ticket.findMany({ where: { number: { startsWith: "T-SQL-" } }, select: { id: true } });
  // Watchers listed in the order they started watching, which is neither order of their ids.
  const [a, b, c] = [...agents].sort();
  const watchers: Prisma.TicketWatcherCreateManyInput[] = [];
  tickets.forEach((t, i) => {
    const who = i % 3 === 0 ? [b, a, c] : i % 3 === 1 ? [c] : [];
    who.forEach((userId, k) => watchers.push({ ticketId: t.id, userId, createdAt: new Date(BASE + i * 1000 + k) }));
  });
  await prisma.ticketWatcher.createMany({ data: watchers });
});

function randomFilter(r: ReturnType<typeof rng>, actor: Actor): TicketFilter {
  const f: TicketFilter = {};
  const range = () => {
    const from = r.chance(0.7) ? new Date(BASE + r.int(25) * day) : undefined;
    const to = r.chance(0.7) ? new Date(BASE + (10 + r.int(30)) * day) : undefined;
    return { from, to };
  };
  if (r.chance(0.25)) f.status = r.pick(STATUSES);
  if (r.chance(0.15)) f.openOnly = true;
  if (r.chance(0.2)) f.priority = r.pick(PRIORITIES);
  if (r.chance(0.1)) f.channel = r.pick(CHANNELS);
  if (r.chance(0.15)) f.category = r.pick(["billing", "BILLING", "bill_ng", "BILL_NG", " tech ", "nothing"]);
  if (r.chance(0.1)) f.contactId = r.pick(ids.contacts);
  if (r.chance(0.1)) f.companyId = r.pick(ids.companies);
  if (r.chance(0.2)) f.assignee = [r.pick(["me", "none", { id: cast.otherAgent.id }] as const)];
  if (r.chance(0.15)) f.team = r.chance(0.5) ? { id: r.pick(ids.teams).id } : { name: r.pick(["support tier_1", "SUPPORT TIERX1", "Support Tier%"]) };
  if (r.chance(0.15)) f.createdAt = range();
  if (r.chance(0.1)) f.lastMessageAt = range();
  if (r.chance(0.1)) f.slaDueAt = range();
  if (r.chance(0.2)) f.slaOverdue = r.chance(0.5);
  if (r.chance(0.2)) f.tags = r.chance(0.8) ? [r.pick(["vip", "refund", "a_b", "none"])] : ["vip", "urgent"];
  if (r.chance(0.35)) {
    const fields: readonly TicketSearchField[] = r.chance(0.5)
      ? ["subject", "description", "requesterEmail"]
      : ["number", "subject", "description", "companyName"];
    const terms = Array.from({ length: 1 + r.int(2) }, () => r.pick([...WORDS, "re", "e", "_", "%", "acme", "shop.test", "SQL-0001", "nothing"]));
    f.search = { terms, fields };
  }
  void actor;
  return f;
}

const ORDERINGS: SortSpec<TicketSortField>[][] = [
  [],
  [{ field: "createdAt", dir: "desc" }],
  [{ field: "updatedAt", dir: "asc" }],
  [{ field: "lastMessageAt", dir: "desc" }],
  [{ field: "slaDueAt", dir: "asc" }],
  [{ field: "slaDueAt", dir: "desc" }],
  [{ field: "priority", dir: "desc" }],
  [{ field: "status", dir: "asc" }],
  [{ field: "priority", dir: "asc" }, { field: "createdAt", dir: "desc" }],
  [{ field: "status", dir: "desc" }, { field: "slaDueAt", dir: "asc" }],
];

describe("the hand-compiled ticket list statement", () => {
  it("returns what Prisma returns for random filters, actors, orderings and cursors, both directions", async () => {
    const prisma = await db();
    const handle = await dbHandle();
    const r = rng(20261206);
    const actors: Actor[] = [cast.admin, cast.agent, cast.otherAgent, ...customers];
    let pages = 0;
    let nonEmpty = 0;
    for (let c = 0; c < 60; c++) {
      const actor = r.pick(actors);
      const filter = randomFilter(r, actor);
      const keys = ticketSortKeys(r.pick(ORDERINGS));
      const size = r.pick([1, 3, 7, 25]);
      const where = await resolveTicketWhere(prisma, actor, filter);
      const label = `case ${c}: ${JSON.stringify({ actor: actor.role, filter, keys: keys.map((k) => `${k.dir} ${k.field}`), size })}`;
      const viaPrisma = (after: Position | null) =>
        paginate<TicketRow>({ keys, after, size }, (args) =>
          prisma.ticket.findMany({
            where: sliceWhere(where, args.where),
            orderBy: args.orderBy as Prisma.TicketOrderByWithRelationInput[],
            take: args.take,
            select: ticketSelect,
          }),
        );
      const viaSql = (after: Position | null) =>
        paginate<TicketRow>({ keys, after, size }, async (args) => {
          const sql = compileTicketPage(sliceWhere(where, args.where), args.orderBy, args.take);
          expect(sql, `${label}: the compiler refused ${JSON.stringify(args.where)}`).not.toBeNull();
          return (await handle.rows<Parameters<typeof ticketRowOf>[0]>(sql!.text, sql!.values)).map(ticketRowOf);
        });
      // Forward through up to six pages, then back from the last one reached.
      let pos: Position | null = null;
      let last: Page<TicketRow> | null = null;
      for (let p = 0; p < 6; p++) {
        const [a, b]: Page<TicketRow>[] = await Promise.all([viaPrisma(pos), viaSql(pos)]);
        expect(b, `${label}, forward page ${p}`).toEqual(a);
        pages++;
        if (a.rows.length) nonEmpty++;
        last = a;
        if (!a.next) break;
        pos = a.next;
      }
      for (let back: Position | null = last?.prev ?? null, p = 0; back && p < 3; p++) {
        const [a, b]: Page<TicketRow>[] = await Promise.all([viaPrisma(back), viaSql(back)]);
        expect(b, `${label}, backward page ${p}`).toEqual(a);
        pages++;
        back = a.prev;
      }
    }
    // The cases must exercise real pages, not agree on empty ones.
    expect(pages).toBeGreaterThan(150);
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it("compares the category and team name as literal text, case-insensitively (LIKE wildcards match only themselves)", async () => {
    const prisma = await db();
    const count = async (filter: TicketFilter) => {
      const where = await resolveTicketWhere(prisma, cast.admin, filter);
      const sql = compileTicketPage(where, [{ id: "asc" }], 1000)!;
      const viaSql = (await (await dbHandle()).rows<{ number: string }>(sql.text, sql.values)).filter((t) => t.number.startsWith("T-SQL-"));
      const viaPrisma = await prisma.ticket.count({ where: { AND: [where, { number: { startsWith: "T-SQL-" } }] } });
      expect(viaSql.length).toBe(viaPrisma);
      return viaPrisma;
    };
    const exact = async (category: string) => prisma.ticket.count({ where: { category, number: { startsWith: "T-SQL-" } } });
    expect(await count({ category: "BILL_NG" })).toBe(await exact("bill_ng"));
    expect(await count({ category: "billing" })).toBe((await exact("billing")) + (await exact("Billing")));
    const tier = ids.teams.find((t) => t.name === "Support Tier_1")!;
    const byId = await count({ team: { id: tier.id } });
    expect(byId).toBeGreaterThan(0);
    expect(await count({ team: { name: "SUPPORT TIER_1" } })).toBe(byId);
    expect(await count({ team: { name: "Support Tier%" } })).toBe(0);
  });

  it("declines a filter shape it does not know instead of guessing", () => {
    expect(compileTicketPage({ subject: { startsWith: "x" } }, [], 10)).toBeNull();
    expect(compileTicketPage({ NOT: { status: "new" } }, [], 10)).toBeNull();
    expect(compileTicketPage({ messages: { some: { body: "x" } } }, [], 10)).toBeNull();
    expect(compileTicketPage({}, [{ aiSummary: "asc" }], 10)).toBeNull();
    expect(compileTicketPage({ status: "new" }, [{ createdAt: "desc" }], 10)).not.toBeNull();
  });
});
