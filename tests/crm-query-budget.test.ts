import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "./support/db";
import { makeCast, type TestUser } from "./support/cast";
import { crmApi } from "./support/api";
import { makeCompany, makeContact } from "./support/fixtures";
import { useQueryCounter } from "./support/query-count";

useTestDb();

const measure = useQueryCounter();

let admin: TestUser, agent: TestUser, cust: TestUser;
let seq = 0;

async function seedTickets(n: number, customerId: string) {
  const prisma = await db();
  const company = await makeCompany(`Co ${++seq}`);
  const contact =
    (await prisma.contact.findUnique({ where: { userId: customerId } })) ?? (await makeContact(`Contact ${seq}`, company.id, customerId));
  const team = await prisma.team.upsert({ where: { name: "Tech" }, create: { name: "Tech" }, update: {}, select: { id: true } });
  for (let i = 0; i < n; i++) {
    const t = await prisma.ticket.create({
      data: {
        number: `T-20250101-${String(++seq).padStart(4, "0")}`,
        subject: `Ticket ${seq}`,
        userId: customerId,
        contactId: contact.id,
        companyId: company.id,
        assignedToId: agent.id,
        assignedTeamId: team.id,
        createdById: admin.id,
        publicMessageCount: 2,
        internalMessageCount: 1,
      },
      select: { id: true },
    });
    await prisma.message.createMany({
      data: [
        { ticketId: t.id, authorId: customerId, body: "question", direction: "inbound" },
        { ticketId: t.id, authorId: agent.id, body: "answer", direction: "outbound" },
        { ticketId: t.id, authorId: agent.id, body: "note", direction: "outbound", isInternal: true },
      ],
    });
    await prisma.attachment.createMany({
      data: [
        { ticketId: t.id, uploadedById: customerId, name: "a.png", contentType: "image/png", size: 1, sha256: "x" },
        { ticketId: t.id, uploadedById: agent.id, name: "b.pdf", contentType: "application/pdf", size: 2, sha256: "y" },
      ],
    });
  }
}


beforeAll(async () => {
  ({ admin, agent, customer: cust } = await makeCast());
});

describe("query budget", () => {
  it("lists 100 tickets with nested comments and attachments in a constant number of queries", async () => {
    await seedTickets(5, cust.id);
    const small = await measure(() => crmApi.list(agent, { page_size: "100" }));
    expect(small.result.json.results).toHaveLength(5);
    await seedTickets(95, cust.id);
    const large = await measure(() => crmApi.list(agent, { page_size: "100" }));
    const page = large.result.json.results;
    expect(page).toHaveLength(100);
    expect(page.every((t: any) => t.comments.length === 3 && t.attachments.length === 2 && t.company_name && t.assigned_to_name)).toBe(true);
    // The actor, then the page with every nested relation joined in (relationJoins); at most
    // one more statement per relation if a relation were batched instead.
    expect(small.count).toBeGreaterThanOrEqual(2);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(15);

    // The customer's view filters the nested lists in the same queries.
    const custSmall = await measure(() => crmApi.list(cust, { page_size: "3" }));
    const custLarge = await measure(() => crmApi.list(cust, { page_size: "100" }));
    expect(custLarge.result.json.results.every((t: any) => t.comments.length === 2 && !t.comments.some((c: any) => c.is_internal))).toBe(true);
    expect(custLarge.count).toBe(custSmall.count);
  });

  it("computes stats in a handful of queries whatever the ticket count", async () => {
    const before = await measure(() => crmApi.stats(agent));
    await seedTickets(20, cust.id);
    const after = await measure(() => crmApi.stats(agent));
    expect(after.result.json.total).toBe(before.result.json.total + 20);
    expect(after.count).toBe(before.count);
    expect(after.count).toBeLessThanOrEqual(6);
  });
});
