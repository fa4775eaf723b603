import type { Priority, TicketStatus } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { actorSelect, type Actor } from "@/lib/domain/actor";
import { hashPassword } from "@/lib/domain/auth/password";
import { DemoClock } from "./clock";
import { AGENTS, COMPANIES, CUSTOMER_NAMES, DEMO_CUSTOMER, DEMO_PASSWORD, LEAD_NAMES, TEAMS, TEMPLATES, type DemoAgent } from "./content";
import { Rng } from "./random";
import { signUp } from "@/lib/domain/auth/sign-up";
import { inviteUser } from "@/lib/domain/invitations/invite-user";
import { playTicket, type Channel, type TicketPlan } from "./tickets";

export class DemoSeedRefusedError extends Error {
  constructor(users: number) {
    super(`The database already has ${users} user(s); the demo seed only runs on an empty database.`);
    this.name = "DemoSeedRefusedError";
  }
}

export interface DemoSeedResult {
  tickets: number;
  messages: number;
  signIns: { email: string; role: string; password: string }[];
}

const DAY = 86_400_000;
export const DEMO_SIGNUP = { name: "Nico Newcomer", email: "newcomer@caseflow.test", password: "lantern meadow quiet harbor 24" };
export const DEMO_INVITATION = { email: "invited.agent@caseflow.test", role: "customer_service", team: "Support" } as const;
const TICKETS = 300;
const STATUSES: [TicketStatus, number][] = [["new", 12], ["assigned", 10], ["in_progress", 18], ["pending", 12], ["resolved", 20], ["closed", 28]];
const PRIORITIES: [Priority, number][] = [["low", 20], ["medium", 45], ["high", 25], ["urgent", 10]];
const CHANNELS: [Channel, number][] = [["portal", 40], ["email", 25], ["chat", 15], ["phone", 12], ["api", 8]];
// The demo customer's own tickets: one of each kind so the portal view shows everything.
const DEMO_CUSTOMER_STATUSES: TicketStatus[] = ["new", "assigned", "in_progress", "in_progress", "pending", "pending", "resolved", "resolved", "closed", "closed", "closed", "in_progress"];
const TEAM_OF_CATEGORY: Record<string, string> = { shipping: "Support", account: "Support", general: "Support", technical: "Tech", billing: "Finance", sales: "Sales" };

const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "");

/**
 * Seeds a realistic help desk (teams, agents, customers with CRM contacts, companies, orders
 * and ~300 tickets with threads) through the domain functions, so counters and events are
 * what the app itself would have produced. Deterministic apart from ids and "now".
 * Refuses a database that has users (never mixes demo data into real data); with
 * `ifEmpty` it returns null instead.
 */
export async function seedDemo(opts: { ifEmpty?: boolean; now?: Date; log?: (m: string) => void } = {}): Promise<DemoSeedResult | null> {
  const prisma = await db();
  const existing = await prisma.user.count();
  if (existing > 0) {
    if (opts.ifEmpty) return null;
    throw new DemoSeedRefusedError(existing);
  }
  const log = opts.log ?? (() => {});
  const now = opts.now ?? new Date();
  const rng = new Rng(20240611);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // scrypt is slow: hash once, share it
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const teams = new Map<string, string>();
  for (const name of TEAMS) {
    const t = await prisma.team.upsert({ where: { name }, create: { name, createdAt: ago(400) }, update: {}, select: { id: true } });
    teams.set(name, t.id);
  }
  const makeUser = (data: { email: string; name: string; role: Actor["role"]; isStaff?: boolean; teamId?: string; createdAt: Date }) =>
    prisma.user.create({ data: { ...data, passwordHash }, select: actorSelect }).then(({ isActive: _, ...a }) => a as Actor);

  const agents: (Actor & { team: DemoAgent["team"] })[] = [];
  for (const a of AGENTS) {
    const u = await makeUser({ email: a.email, name: a.name, role: a.role, isStaff: a.isStaff ?? false, teamId: teams.get(a.team), createdAt: ago(380) });
    agents.push({ ...u, team: a.team });
  }

  const companyIds: string[] = [];
  for (const name of COMPANIES) {
    companyIds.push((await prisma.company.create({ data: { name, createdAt: ago(rng.int(200, 360)) }, select: { id: true } })).id);
  }

  interface Person { actor: Actor | null; contactId: string; orders: { id: string; number: string }[] }
  const people: Person[] = [];
  let orderSeq = 10_240;
  const addPerson = async (name: string, email: string, withAccount: boolean, companyId: string | null) => {
    const createdAt = ago(rng.int(90, 360));
    const actor = withAccount ? await makeUser({ email, name, role: "customer", createdAt }) : null;
    const contact = await prisma.contact.create({ data: { email, name, userId: actor?.id ?? null, companyId, createdAt }, select: { id: true } });
    const orders: Person["orders"] = [];
    for (let k = rng.int(1, 4); k > 0; k--) {
      const number = `NW-${orderSeq++}`;
      const o = await prisma.order.create({
        data: {
          number, userId: actor?.id ?? null, contactId: contact.id, companyId,
          total: (rng.int(1900, 64900) / 100).toFixed(2), currency: "EUR",
          status: rng.pick(["placed", "shipped", "delivered", "delivered", "returned"]), createdAt: ago(rng.int(1, 80)),
        },
        select: { id: true, number: true },
      });
      orders.push(o);
    }
    people.push({ actor, contactId: contact.id, orders });
  };
  await addPerson(DEMO_CUSTOMER.name, DEMO_CUSTOMER.email, true, null);
  for (const [n, name] of CUSTOMER_NAMES.entries()) {
    await addPerson(name, `${slug(name)}@example.com`, true, n % 4 === 0 ? companyIds[(n / 4) % companyIds.length] : null);
  }
  for (const [n, name] of LEAD_NAMES.entries()) {
    await addPerson(name, `${slug(name)}@${n % 2 ? "example.org" : "example.net"}`, false, companyIds[n % companyIds.length]);
  }
  log(`created ${agents.length} agents, ${people.length} customers/contacts, ${companyIds.length} companies`);

  const clock = new DemoClock();
  const byTeam = (team: string) => agents.filter((a) => a.team === team);
  for (let n = 0; n < TICKETS; n++) {
    const person = n < DEMO_CUSTOMER_STATUSES.length ? people[0] : rng.chance(0.06) ? rng.pick(people.slice(-LEAD_NAMES.length)) : rng.pick(people.slice(1, -LEAD_NAMES.length));
    const status = n < DEMO_CUSTOMER_STATUSES.length ? DEMO_CUSTOMER_STATUSES[n] : rng.weighted(STATUSES);
    const template = rng.pick(TEMPLATES);
    const open = ["new", "assigned", "in_progress", "pending"].includes(status);
    // Open tickets are recent (some past their SLA); finished ones are spread over two months.
    const age = open ? (rng.chance(0.75) ? 0.03 + rng.next() * 0.8 : 1 + rng.next() * 5) : 2 + rng.next() * 58;
    const team = byTeam(TEAM_OF_CATEGORY[template.category]);
    // Most of the Support queue lands on the demo agent, so their view is busy.
    const assignee = status === "new" ? null : team[0].email === "agent@caseflow.test" && rng.chance(0.8) ? team[0] : rng.pick(team);
    const order = template.usesOrder && person.orders.length ? rng.pick(person.orders) : null;
    const plan: TicketPlan = {
      template,
      customer: person.actor,
      contactId: person.contactId,
      orderId: order?.id ?? null,
      orderNumber: order?.number ?? null,
      assignee,
      fallbackAgent: agents[0],
      otherAgents: agents.filter((a) => a.id !== assignee?.id),
      status,
      priority: rng.weighted(PRIORITIES),
      channel: person.actor ? rng.weighted(CHANNELS) : rng.pick(["phone", "email"] as const),
      createdAt: new Date(now.getTime() - age * DAY),
    };
    await playTicket(plan, rng, clock, now);
    if ((n + 1) % 100 === 0) log(`  ${n + 1} tickets`);
  }
  const t0 = Date.now();
  await clock.apply(prisma);
  log(`back-dated the history in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  // The seeded history is not news: nobody should get ~1,000 emails about it.
  await prisma.notification.deleteMany({});
  await prisma.localMail.deleteMany({});
  // A self-service sign-up that is not confirmed yet: it cannot sign in, and its confirmation
  // email waits in the dev mailbox (/dev/mailbox/), where a newcomer's would.
  await signUp(DEMO_SIGNUP);
  log(`unverified sign-up ${DEMO_SIGNUP.email}: open its confirmation link in /dev/mailbox/ to activate it`);
  // A pending invitation of an agent, by the demo admin: listed in /admin/invitations/, its
  // email (with the link to accept it) in the dev mailbox.
  const inviter = agents.find((a) => a.role === "admin") ?? agents[0];
  await inviteUser(inviter, { email: DEMO_INVITATION.email, role: DEMO_INVITATION.role, teamId: teams.get(DEMO_INVITATION.team) });
  log(`pending invitation ${DEMO_INVITATION.email}: accept it from /dev/mailbox/`);

  const messages = await prisma.message.count();
  return {
    tickets: TICKETS,
    messages,
    signIns: [
      ...AGENTS.map((a) => ({ email: a.email, role: a.role, password: DEMO_PASSWORD })),
      { email: DEMO_CUSTOMER.email, role: "customer", password: DEMO_PASSWORD },
    ],
  };
}
