import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { capturePlan, isTicketList } from "@/bench/explain";
import { useTestDb } from "./support/db";
import { makeCast, type TestUser } from "./support/cast";
import { crmApi, supportApi } from "./support/api";
import { pathOf } from "./support/http";

useTestDb();

/**
 * The plans PostgreSQL picks for the ticket lists on a data set big enough that a sequential
 * scan would be the planner's honest choice for a badly shaped query: the SLA queue, a search
 * without hits and a deep cursor page must be served by indexes. The captured statement is
 * the one the route really sends, explained with the same parameter values.
 */
const TICKETS = 50_000;
const PEOPLE = 1_000;
const COMPANIES = 50;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

async function planOf(run: () => Promise<{ status: number }>): Promise<PlanNode[]> {
  let status = 0;
  const out = await capturePlan(async () => (status = (await run()).status), isTicketList, "EXPLAIN (FORMAT JSON)");
  expect(status).toBe(200);
  const json = JSON.parse(out.join("\n")) as { Plan: PlanNode }[];
  return nodes(json[0].Plan);
}

const readsTickets = (n: PlanNode) => n["Relation Name"] === "tickets" || !!n["Index Name"]?.startsWith("tickets_");

/**
 * Read through an index of tickets, never a sequential scan of it, and the tickets never
 * sorted after (a Sort with a tickets scan below it). A page's watchers come in the same
 * statement, aggregated per ticket: sorting one ticket's few watchers is not sorting the list.
 */
function expectIndexDriven(plan: PlanNode[], opts: { sorted?: boolean } = {}) {
  const onTickets = plan.filter(readsTickets);
  expect(plan.map((n) => `${n["Node Type"]} ${n["Relation Name"] ?? ""}`)).not.toContain("Seq Scan tickets");
  expect(onTickets.some((n) => /Index/.test(n["Node Type"]))).toBe(true);
  if (opts.sorted === false) {
    const sortsTickets = plan.filter((n) => n["Node Type"] === "Sort" && nodes(n).some(readsTickets));
    expect(sortsTickets, JSON.stringify(plan[0])).toEqual([]);
  }
  return onTickets;
}

let agent: TestUser;
let admin: TestUser;

beforeAll(async () => {
  ({ agent, admin } = await makeCast());
  const prisma = await db();
  const run = (sql: string) => prisma.$executeRawUnsafe(sql);
  await run(`INSERT INTO companies (id, name) SELECT md5('co' || n)::uuid, 'Company ' || n FROM generate_series(1, ${COMPANIES}) n`);
  await run(`INSERT INTO users (id, email, name, role, updated_at)
    SELECT md5('u' || n)::uuid, 'customer' || n || '@example.com', 'Customer ' || n, 'customer', now() FROM generate_series(1, ${PEOPLE}) n`);
  await run(`INSERT INTO contacts (id, email, name, user_id, company_id, updated_at)
    SELECT md5('c' || n)::uuid, 'customer' || n || '@example.com', 'Customer ' || n, md5('u' || n)::uuid,
           md5('co' || (1 + n % ${COMPANIES}))::uuid, now() FROM generate_series(1, ${PEOPLE}) n`);
  // Half the tickets open; SLA deadlines spread from a month ahead to months ago (a tenth
  // without any), so the overdue queue is large and a no-SLA tail exists.
  await run(`INSERT INTO tickets (id, number, subject, description, status, priority, priority_rank, sla_due_at,
      user_id, contact_id, company_id, created_at, updated_at, last_message_at)
    SELECT md5('t' || n)::uuid, 'T-PLAN-' || lpad(n::text, 6, '0'),
           (ARRAY['Refund', 'Delivery', 'Invoice', 'Login'])[1 + n % 4] || ' request #' || n,
           'Customer writes about order ' || n,
           (ARRAY['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'closed', 'resolved'])[1 + (n * 7) % 8]::"TicketStatus",
           (ARRAY['low', 'medium', 'high', 'urgent'])[1 + (n * 13) % 4]::"Priority", 1 + (n * 13) % 4,
           CASE WHEN n % 10 = 0 THEN NULL ELSE now() + interval '30 days' - interval '1 minute' * ((n * 7919) % 200000) END,
           md5('u' || (1 + n % ${PEOPLE}))::uuid, md5('c' || (1 + n % ${PEOPLE}))::uuid, md5('co' || (1 + n % ${COMPANIES}))::uuid,
           ts, ts, ts
    FROM (SELECT n, now() - interval '1 second' * ((n * 104729) % 10000000) AS ts FROM generate_series(1::bigint, ${TICKETS}) n) s`);
  for (const table of ["tickets", "users", "contacts", "companies"]) await run(`VACUUM ANALYZE ${table}`);
}, 600_000);

describe("ticket list plans on 50k tickets", () => {
  it("serves the SLA queue (overdue, latest deadline first) from the descending NULLS LAST index without sorting", async () => {
    const plan = await planOf(() => supportApi.listTickets(agent, { sla_overdue: "true", ordering: "-sla_due_at" }));
    const used = expectIndexDriven(plan, { sorted: false });
    expect(used.map((n) => n["Index Name"])).toContain("tickets_sla_due_at_desc_nulls_last_id_idx");
    const r = await supportApi.listTickets(agent, { sla_overdue: "true", ordering: "-sla_due_at" });
    expect(r.json.results).toHaveLength(25);
  });

  it("serves an sla_due_at range (one day of deadlines) from the (sla_due_at, id) index, bounded by it", async () => {
    const day = 86_400_000;
    const window = { sla_due_at_after: new Date(Date.now() + 2 * day).toISOString(), sla_due_at_before: new Date(Date.now() + 3 * day).toISOString() };
    for (const ordering of ["sla_due_at", "-sla_due_at"]) {
      const plan = await planOf(() => supportApi.listTickets(agent, { ...window, ordering }));
      const bounded = expectIndexDriven(plan, { sorted: false }).filter((n) => n["Index Cond"]?.includes("sla_due_at"));
      expect(bounded.length, JSON.stringify(plan)).toBeGreaterThan(0);
    }
    // With the default ordering too, and combined with the overdue flag: never a scan of the table.
    expectIndexDriven(await planOf(() => supportApi.listTickets(agent, window)));
    expectIndexDriven(await planOf(() => supportApi.listTickets(agent, { sla_overdue: "true" })));
    const r = await supportApi.listTickets(agent, { ...window, ordering: "sla_due_at", page_size: "100" });
    const due = (r.json.results as { sla_due_at: string }[]).map((t) => Date.parse(t.sla_due_at));
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d) => d >= Date.parse(window.sla_due_at_after) && d <= Date.parse(window.sla_due_at_before))).toBe(true);
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it("answers a search without hits from the trigram indexes (support and CRM fields)", async () => {
    const support = await planOf(() => supportApi.listTickets(agent, { search: "zqxjv" }));
    expect(expectIndexDriven(support).map((n) => n["Index Name"])).toEqual(
      expect.arrayContaining(["tickets_subject_trgm_idx", "tickets_description_trgm_idx"]),
    );
    const crm = await planOf(() => crmApi.list(admin, { search: "zqxjv" }));
    expect(expectIndexDriven(crm).map((n) => n["Index Name"])).toEqual(
      expect.arrayContaining(["tickets_subject_trgm_idx", "tickets_description_trgm_idx", "tickets_number_trgm_idx"]),
    );
    expect((await supportApi.listTickets(agent, { search: "zqxjv" })).json.results).toEqual([]);
    expect((await crmApi.list(admin, { search: "50%" })).json.results).toEqual([]);
    // A term only a requester's email holds finds exactly that requester's tickets (every
    // thousandth one), and a company name term exactly that company's (every fiftieth).
    const byEmail = await supportApi.listTickets(agent, { search: "CUSTOMER17@", page_size: "100" });
    expect(byEmail.json.results).toHaveLength(TICKETS / PEOPLE);
    const byCompany = await crmApi.list(admin, { search: "company 7", page_size: "100" });
    expect(byCompany.json.results).toHaveLength(100);
    expect(byCompany.json.next).not.toBeNull();
  });

  it("answers one- and two-character terms without hits from the grams index (support and CRM fields)", async () => {
    // No trigram index can serve a term shorter than three characters: before the grams
    // column, such a search read every ticket.
    for (const term of ["zq", "z", "J7"]) {
      const support = await planOf(() => supportApi.listTickets(agent, { search: term }));
      expect(expectIndexDriven(support).map((n) => n["Index Name"]), term).toContain("tickets_search_grams_gin_idx");
      const crm = await planOf(() => crmApi.list(admin, { search: term }));
      expect(expectIndexDriven(crm).map((n) => n["Index Name"]), term).toContain("tickets_search_grams_gin_idx");
      expect((await supportApi.listTickets(agent, { search: term })).json.results).toEqual([]);
      expect((await crmApi.list(admin, { search: term })).json.results).toEqual([]);
    }
    // A common short term still walks the ordering index and finds a page at once.
    const common = await supportApi.listTickets(agent, { search: "re" });
    expect(common.json.results).toHaveLength(25);
  });

  const orderings = ["-last_message_at", "created_at", "-priority", "sla_due_at", "-sla_due_at", "updated_at"];
  for (const ordering of orderings) {
    it(`starts a deep page at the cursor's index position (ordering=${ordering})`, async () => {
      // Ten pages of 100 in, then the plan of the next page of 25.
      let r = await supportApi.listTickets(agent, { ordering, page_size: "100" });
      for (let i = 0; i < 9; i++) r = await supportApi.listTicketsPath(agent, pathOf(r.json.next));
      const next = pathOf(r.json.next).replace("page_size=100", "page_size=25");
      const plan = await planOf(() => supportApi.listTicketsPath(agent, next));
      const column = ordering.replace(/^-/, "").replace("priority", "priority_rank");
      const bounded = expectIndexDriven(plan, { sorted: false }).filter((n) => n["Index Cond"]?.includes(column));
      expect(bounded.length, JSON.stringify(plan)).toBeGreaterThan(0);
      if (column === "priority_rank") {
        // Four priorities: the page starts at the cursor's (priority, id) itself, not at the
        // first row of its priority (a thousand rows earlier here).
        expect(bounded.map((n) => n["Index Cond"]).join(" "), JSON.stringify(plan)).toMatch(/priority_rank = .*\bid [<>]/);
      }
    });
  }

  it("starts a deep page at the cursor's index position for the CRM status ordering", async () => {
    let r = await crmApi.list(admin, { ordering: "status", page_size: "100" });
    for (let i = 0; i < 9; i++) r = await crmApi.list(admin, { ordering: "status", page_size: "100", cursor: new URL(r.json.next).searchParams.get("cursor")! });
    const cursor = new URL(r.json.next).searchParams.get("cursor")!;
    const plan = await planOf(() => crmApi.list(admin, { ordering: "status", page_size: "25", cursor }));
    const bounded = expectIndexDriven(plan, { sorted: false }).filter((n) => n["Index Cond"]?.includes("status"));
    expect(bounded.length, JSON.stringify(plan)).toBeGreaterThan(0);
    expect(bounded.map((n) => n["Index Cond"]).join(" "), JSON.stringify(plan)).toMatch(/status = .*\bid [<>]/);
  });
});
