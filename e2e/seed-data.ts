/**
 * Seeds the e2e database with deterministic data, through the domain functions, before the
 * server starts (PGlite allows one process per data directory, so this cannot run beside the
 * server). Run by e2e/serve.mjs with DATA_DIR pointing at the e2e database. Writes the ids the
 * specs need to artifacts/e2e-seed-data.json (read back with seedData() in e2e/helpers.ts).
 */
import fs from "node:fs";
import path from "node:path";
import "../lib/boot";
import { closeDb, db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { loadActor } from "../lib/domain/auth/authenticate";
import type { Actor } from "../lib/domain/actor";
import { createTicket } from "../lib/domain/tickets/create-ticket";
import { postMessage } from "../lib/domain/messages/post-message";
import { updateTicket } from "../lib/domain/tickets/update-ticket";
import type { UpdateTicketInput } from "../lib/domain/tickets/types";
import { upsertUser } from "../lib/domain/users/upsert-user";
import { createTeam } from "../lib/domain/teams/save-team";
import { addTeamMember } from "../lib/domain/teams/set-team-member";
import { createMacro } from "../lib/domain/macros/save-macro";
import { USERS, SEED_DATA_FILE, SECRET_NOTE } from "./users";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function user(key: keyof typeof USERS): Promise<Actor> {
  const u = USERS[key];
  const { user } = await upsertUser({ email: u.email, password: u.password, role: u.role, name: u.name });
  return (await loadActor(user.id))!;
}

async function main() {
  await migrate();
  const prisma = await db();
  const agent = await user("agent");
  const agent2 = await user("agent2");
  const casey = await user("casey");
  const blake = await user("blake");
  const admin = await user("admin");
  const dana = await user("dana");
  const erin = await user("erin");
  const pat = await user("pat");

  const company = await prisma.company.create({ data: { name: "Northwind Outfitters" } });
  const caseyOrder = await prisma.order.create({
    data: { number: "NW-10482", userId: casey.id, companyId: company.id, total: "249.00", currency: "USD", status: "shipped" },
  });
  const now = Date.now();

  // [subject, requester, fields, age of creation in days, last activity hours ago]
  type Spec = { subject: string; who: Actor; age: number; lastHoursAgo: number; fields: UpdateTicketInput; body: string };
  const specs: Spec[] = [
    { subject: "Payment failed twice at checkout", who: blake, age: 2, lastHoursAgo: 5, body: "My card was declined twice but I see two pending charges.",
      fields: { priority: "urgent", channel: "email", slaDueAt: new Date(now - 3 * HOUR - 20 * 60_000), assignedToId: agent2.id } },
    { subject: "Refund for damaged tent", who: blake, age: 6, lastHoursAgo: 30, body: "The tent poles arrived bent. I'd like a refund.",
      fields: { priority: "high", channel: "email", slaDueAt: new Date(now + 6 * HOUR), assignedToId: agent.id, status: "in_progress",
        aiSummary: "Customer received a tent with bent poles and asks for a refund. Photos were provided; the order is within the 30-day return window. Suggested action: approve refund and send a prepaid return label.",
        aiConfidenceScore: 0.86 } },
    { subject: "How do I change my delivery address?", who: casey, age: 12, lastHoursAgo: 24 * 9, body: "I moved last week.",
      fields: { priority: "low", channel: "chat", status: "resolved" } },
    { subject: "Invoice shows the wrong company name", who: casey, age: 20, lastHoursAgo: 24 * 15, body: "Please reissue invoice NW-10482.",
      fields: { priority: "medium", channel: "portal", status: "pending", assignedToId: agent2.id, slaDueAt: new Date(now + 30 * HOUR) } },
    { subject: "Hiking boots sizing question", who: blake, age: 1, lastHoursAgo: 2, body: "Do your boots run small?",
      fields: { priority: "low", channel: "phone", slaDueAt: new Date(now + 50 * HOUR) } },
    { subject: "Account locked after password reset", who: casey, age: 3, lastHoursAgo: 8, body: "I can't sign in after resetting my password.",
      fields: { priority: "high", channel: "api", slaDueAt: new Date(now - 1 * HOUR), assignedToId: agent.id, status: "assigned" } },
    { subject: "Bulk order discount for our club", who: blake, age: 40, lastHoursAgo: 24 * 35, body: "We'd like 25 backpacks.",
      fields: { priority: "medium", channel: "email", status: "closed" } },
  ];

  // A full queue: more open tickets than one screen holds, so density is measurable. All are
  // Pat's, open, within SLA and worded to stay out of the other specs' searches and views.
  const FILLER = [
    "Order arrived without a receipt", "Wrong colour of rain jacket", "Zip on backpack is stuck", "Gift card balance question",
    "Parcel stuck at the depot", "Sleeping bag smells of smoke", "Need extra pegs for my shelter", "Coupon code not accepted",
    "Stove fuel shipping rules", "Return label never arrived", "Trekking poles too short", "Missing straps on duffel bag",
    "Change my newsletter email", "Water filter cartridge sizes", "Delivery on a public holiday", "Cancel my second order",
    "Headlamp battery drains fast", "Size chart for kids jackets", "Warranty for a broken zipper", "Split payment across two cards",
  ];
  for (const [i, subject] of FILLER.entries()) {
    specs.push({ subject, who: pat, age: 1 + (i % 9), lastHoursAgo: 10 + i * 3, body: `Question ${i + 1} from Pat.`,
      fields: { priority: (["low", "medium", "high"] as const)[i % 3], channel: (["portal", "email", "chat"] as const)[i % 3],
        slaDueAt: new Date(now + (20 + i) * HOUR), ...(i % 4 === 0 ? { assignedToId: agent2.id } : {}) } });
  }

  const ids: Record<string, string> = {};
  for (const s of specs) {
    // Opened by the customer in the portal, then triaged by an admin, as in real life.
    const t = await createTicket(s.who, { subject: s.subject, initialMessage: s.body, ...(s.who === casey && s.subject.startsWith("Invoice") ? { orderId: caseyOrder.id } : {}) });
    await updateTicket(admin, t.id, s.fields);
    ids[s.subject] = t.id;
    // Back-date creation and activity so date-range filters have something to separate.
    // (Test data only: the domain has no reason to let anyone rewrite history.)
    const created = new Date(now - s.age * DAY);
    const last = new Date(now - s.lastHoursAgo * HOUR);
    await prisma.ticket.update({ where: { id: t.id }, data: { createdAt: created, lastMessageAt: last < created ? created : last } });
    await prisma.message.updateMany({ where: { ticketId: t.id }, data: { createdAt: created, updatedAt: created } });
  }

  // Blake's refund ticket has a public reply and an internal note (for the permission spec).
  const refund = ids["Refund for damaged tent"];
  await postMessage(agent, { ticketId: refund, body: "Sorry about that! Could you send a photo of the poles?" });
  await postMessage(blake, { ticketId: refund, body: "Here you go, two photos attached in my email." });
  await prisma.ticket.update({ where: { id: refund }, data: { unreadByAgent: 0 } }); // Alex has read it
  await postMessage(agent, { ticketId: refund, body: SECRET_NOTE, isInternal: true });

  // Casey has an unread answer waiting (used to check that agent URLs never mark it read).
  await postMessage(agent2, { ticketId: ids["Invoice shows the wrong company name"], body: "We are reissuing the invoice now." });

  // Queue tools (e2e/agent-queue-tools.spec.ts): two agents in one team, one in another, and
  // unassigned tickets tagged per scenario so each test opens a view of exactly its own rows.
  const quinn = await user("quinn");
  const riley = await user("riley");
  const jordan = await user("jordan");
  const tier2 = await createTeam(admin, { name: "Tier 2" });
  const billing = await createTeam(admin, { name: "Billing" });
  await addTeamMember(admin, tier2.id, quinn.id);
  await addTeamMember(admin, tier2.id, riley.id);
  await addTeamMember(admin, billing.id, jordan.id);
  const TOOLS: [string, string][] = [
    ["Bivvy bag seam split", "bulk-a"], ["Gaiter buckle snapped", "bulk-a"], ["Snowshoe binding loose", "bulk-a"],
    ["Trail mix allergen label", "bulk-a"],
    ["Hammock straps fraying", "bulk-b"], ["Cooler lid hinge cracked", "bulk-b"], ["Camp chair leg bent", "bulk-b"],
  ];
  for (const [i, [subject, tag]] of TOOLS.entries()) {
    const t = await createTicket(pat, { subject, initialMessage: `Queue tools ticket ${i + 1}.` });
    await updateTicket(admin, t.id, { priority: "medium", tags: [tag], slaDueAt: new Date(now + (80 + i) * HOUR) });
    ids[subject] = t.id;
    // Days old, like the rest of the queue, so "last message today" stays a narrow filter.
    const created = new Date(now - 5 * DAY);
    await prisma.ticket.update({ where: { id: t.id }, data: { createdAt: created, lastMessageAt: new Date(now - (90 + i) * HOUR) } });
    await prisma.message.updateMany({ where: { ticketId: t.id }, data: { createdAt: created, updatedAt: created } });
  }

  // Agent ticket tools (e2e/agent-ticket-tools.spec.ts, e2e/collision.spec.ts): Pat's tickets,
  // worded to stay out of the other specs' searches, plus tags to suggest and a shared macro.
  const TICKET_TOOLS: [string, UpdateTicketInput][] = [
    ["Stove regulator hisses", {}],
    ["Compass bezel loose", { tags: ["gear"] }],
    ["Lantern mantle replacement", { tags: ["warranty-claim", "gear"] }],
    ["Map case zipper jammed", { assignedToId: agent.id, status: "assigned" }],
    ["Kayak paddle blade cracked", {}],
  ];
  for (const [subject, fields] of TICKET_TOOLS) {
    const t = await createTicket(pat, { subject, initialMessage: `About my order: ${subject.toLowerCase()}.` });
    if (Object.keys(fields).length) await updateTicket(admin, t.id, fields);
    ids[subject] = t.id;
  }
  await createMacro(admin, {
    name: "Ask for order details",
    body: "Hi {{customer.first_name}}, thanks for writing about ticket {{ticket.number}}. Could you send us your order number? Best, {{agent.name}}",
    status: "pending", assignTo: "me", addTags: ["awaiting-details"], shared: true,
  });
  await createMacro(agent, { name: "Signature", body: "Kind regards, {{agent.name}}", shared: false });

  const out = { ids, caseyOrder: { id: caseyOrder.id, number: caseyOrder.number }, users: { agent: agent.id, agent2: agent2.id, casey: casey.id, blake: blake.id, admin: admin.id, dana: dana.id, erin: erin.id, pat: pat.id, quinn: quinn.id, riley: riley.id, jordan: jordan.id } };
  fs.mkdirSync(path.dirname(SEED_DATA_FILE), { recursive: true });
  fs.writeFileSync(SEED_DATA_FILE, JSON.stringify(out, null, 2));
  console.log(`e2e seed data: ${specs.length} tickets, ${Object.keys(out.users).length} users`);
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
