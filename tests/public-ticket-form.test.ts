import { beforeEach, describe, expect, it } from "vitest";
import * as publicRoute from "@/app/api/v1/public/tickets/route";
import { db } from "@/lib/db/client";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { withEnv } from "./support/env-override";
import { call, handler } from "./support/http";

useTestDb();

let n = 0;
const nextAddress = () => `203.0.113.${++n}`;
const submit = (body: unknown, address = nextAddress()) =>
  withEnv({ TRUST_PROXY_HOPS: "1" }, () =>
    call(handler(publicRoute.POST), "POST", "/api/v1/public/tickets/", { body, headers: { "x-forwarded-for": address } }),
  );
const form = (over: Record<string, unknown> = {}) => ({
  name: "Vera Visitor",
  email: `visitor-${Date.now()}-${++n}@example.test`,
  subject: "My parcel never arrived",
  description: "Order 1234 was due last week.",
  ...over,
});
const ANSWER = {
  detail: "Thank you: your request has been received. We will reply by email. Sign up with the same address to follow it online.",
  signup_url: "/signup/",
};

async function setForm(on: boolean) {
  const prisma = await db();
  await prisma.appSetting.upsert({ where: { key: "public_ticket_form" }, create: { key: "public_ticket_form", value: on }, update: { value: on } });
}

beforeEach(async () => {
  await (await db()).appSetting.deleteMany();
});

describe("public ticket form: POST /api/v1/public/tickets/", () => {
  it("is a 404 while the setting is off (the default), whatever the body", async () => {
    const prisma = await db();
    const before = await prisma.ticket.count();
    expect((await submit(form())).status).toBe(404);
    expect((await submit({})).status).toBe(404);
    expect(await prisma.ticket.count()).toBe(before);
  });

  it("opens a ticket for a new address: a passwordless customer account and its contact, like mail from an unknown sender", async () => {
    await setForm(true);
    const body = form();
    const r = await submit(body);
    expect(r.status).toBe(202);
    expect(r.json).toEqual(ANSWER);
    const prisma = await db();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: body.email }, include: { contact: true } });
    expect(user).toMatchObject({ role: "customer", name: "Vera Visitor", passwordHash: null });
    expect(user.contact?.email).toBe(body.email);
    const tickets = await prisma.ticket.findMany({ where: { userId: user.id }, include: { messages: true } });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ subject: "My parcel never arrived", contactId: user.contact!.id, channel: "portal" });
    expect(tickets[0].messages.map((m) => m.body)).toEqual(["Order 1234 was due last week."]);

    // The same address again reuses the account and contact.
    expect((await submit({ ...body, subject: "Second question", email: body.email.toUpperCase() })).status).toBe(202);
    expect(await prisma.ticket.count({ where: { userId: user.id } })).toBe(2);
    expect(await prisma.contact.count({ where: { email: body.email } })).toBe(1);
  });

  it("validates the fields (DRF shapes)", async () => {
    await setForm(true);
    const r = await submit({ name: "", email: "not-an-email", subject: "", description: "" });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json).sort()).toEqual(["description", "email", "name", "subject"]);
    expect(r.json.email).toEqual(["Enter a valid email address."]);
  });

  it("answers a filled honeypot, an agent's or a deactivated account's address like a success and opens nothing", async () => {
    await setForm(true);
    const prisma = await db();
    const agent = await makeUser({ role: "customer_service" });
    const gone = await makeUser();
    await prisma.user.update({ where: { id: gone.id }, data: { isActive: false } });
    const bot = form({ website: "http://spam.example" });
    const before = await prisma.ticket.count();
    for (const body of [bot, form({ email: agent.email }), form({ email: gone.email })]) {
      const r = await submit(body);
      expect(r.status).toBe(202);
      expect(r.json).toEqual(ANSWER);
    }
    expect(await prisma.ticket.count()).toBe(before);
    expect(await prisma.user.count({ where: { email: bot.email } })).toBe(0);
  });

  it("limits submissions per email address even without a trusted proxy (PUBLIC_FORM_MAX_PER_EMAIL)", async () => {
    await setForm(true);
    const prisma = await db();
    const email = `repeat-${Date.now()}@example.test`;
    const bare = (body: unknown) => call(handler(publicRoute.POST), "POST", "/api/v1/public/tickets/", { body });
    await withEnv({ PUBLIC_FORM_MAX_PER_EMAIL: "2" }, async () => {
      expect((await bare(form({ email }))).status).toBe(202);
      expect((await bare(form({ email: email.toUpperCase() }))).status).toBe(202);
      const third = await bare(form({ email }));
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await bare(form())).status).toBe(202); // another address is not affected
    });
    const user = await prisma.user.findFirstOrThrow({ where: { email } });
    expect(await prisma.ticket.count({ where: { userId: user.id } })).toBe(2);
  });

  it("is rate limited per client address (RATE_LIMIT_PUBLIC_ADDRESS)", async () => {
    await setForm(true);
    const address = nextAddress();
    await withEnv({ RATE_LIMIT_PUBLIC_ADDRESS: "2" }, async () => {
      expect((await submit(form(), address)).status).toBe(202);
      expect((await submit(form({ website: "bot" }), address)).status).toBe(202); // honeypot hits count too
      const third = await submit(form(), address);
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBeTruthy();
      expect((await submit(form(), nextAddress())).status).toBe(202); // another address has its own count
    });
  });
});
