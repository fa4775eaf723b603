import { beforeEach, describe, expect, it } from "vitest";
import * as signupRoute from "@/app/api/v1/auth/signup/route";
import * as verifyRoute from "@/app/api/v1/auth/verify-email/route";
import * as resetRoute from "@/app/api/v1/auth/password-reset/route";
import * as confirmRoute from "@/app/api/v1/auth/password-reset/confirm/route";
import * as magicRoute from "@/app/api/v1/auth/magic-link/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as refreshRoute from "@/app/api/v1/auth/token/refresh/route";
import * as ticketsRoute from "@/app/api/v1/support/tickets/route";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { signInWithMagicLink } from "@/lib/domain/auth/sign-in-with-magic-link";
import { hashToken } from "@/lib/domain/auth/one-time-tokens";
import { drainOutbox } from "@/lib/notifications/worker";
import { captureTransport } from "./support/capture-transport";
import { makeUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { withEnv } from "./support/env-override";
import { clearOutbox } from "./support/fixtures";
import { call, handler } from "./support/http";

useTestDb();

const INVALID = { fields: { token: ["This link is invalid or has expired. Ask for a new one."] } };
const STRONG = "plum orbit kettle mosaic 42";
const NEWER = "violet canyon sparrow ledger 7";

const post = (route: { POST: unknown }, path: string, body: unknown, headers?: Record<string, string>) =>
  call(handler(route.POST), "POST", path, { body, headers });

const signup = (body: unknown) => post(signupRoute, "/api/v1/auth/signup/", body);
const verify = (token: string) => post(verifyRoute, "/api/v1/auth/verify-email/", { token });
const askReset = (email: string) => post(resetRoute, "/api/v1/auth/password-reset/", { email });
const confirm = (token: string, password: string) => post(confirmRoute, "/api/v1/auth/password-reset/confirm/", { token, password });
const askMagic = (email: string) => post(magicRoute, "/api/v1/auth/magic-link/", { email });
const obtain = (email: string, password: string) => post(tokenRoute, "/api/v1/auth/token/", { email, password });

/** Delivers the outbox through a capturing transport and returns what was sent, by recipient. */
async function deliver() {
  const t = captureTransport();
  await drainOutbox({ transport: t });
  return t.sent.map((s) => s.mail);
}

function linkToken(text: string, path: string): string {
  const m = new RegExp(`http://[^\\s>]+/${path}/\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[1];
}

async function signUpAndVerify(email: string, password = STRONG) {
  expect((await signup({ name: "Nina Newcomer", email, password })).status).toBe(201);
  const [mail] = (await deliver()).filter((m) => m.to === email && m.text.includes("/verify-email/"));
  expect((await verify(linkToken(mail.text, "verify-email"))).status).toBe(200);
}

beforeEach(async () => {
  await clearOutbox();
});

describe("POST /api/v1/auth/signup/", () => {
  it("creates an unverified customer who cannot sign in until the emailed link is opened", async () => {
    const res = await signup({ name: "Nina Newcomer", email: "Nina@Example.test", password: STRONG });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ detail: "Check your email: we sent a link to finish signing up." });
    const prisma = await db();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "nina@example.test" } });
    expect(user).toMatchObject({ role: "customer", name: "Nina Newcomer", emailVerifiedAt: null });
    expect(user.passwordHash).toMatch(/^scrypt\$/);

    const before = await obtain("nina@example.test", STRONG);
    expect(before.status).toBe(401);
    expect(before.json.detail).toMatch(/Confirm your email address first/);

    const mails = await deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Confirm your email address for Caseflow");
    expect(mails[0].html).toContain("/verify-email/?token=");
    const token = linkToken(mails[0].text, "verify-email");
    // Only the hash is stored, and the outbox row does not hold the link in the clear.
    const row = await prisma.oneTimeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const outbox = await prisma.notification.findFirstOrThrow({ where: { toEmail: "nina@example.test" } });
    expect(JSON.stringify(outbox.payload)).not.toContain(token);

    const ok = await verify(token);
    expect(ok.status).toBe(200);
    expect((await obtain("nina@example.test", STRONG)).status).toBe(200);
    // Single use.
    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ token: ["This link is invalid or has expired. Ask for a new one."] });
  });

  it("answers byte for byte the same for a known and an unknown email, and mails the owner instead", async () => {
    const owner = await makeUser({ email: "owner@example.test", name: "Olga Owner" });
    const known = await signup({ name: "Someone", email: "owner@example.test", password: STRONG });
    const unknown = await signup({ name: "Someone", email: "fresh@example.test", password: STRONG });
    expect(known.status).toBe(201);
    expect(known.text).toBe(unknown.text);
    expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
    const mails = await deliver();
    const toOwner = mails.find((m) => m.to === "owner@example.test")!;
    expect(toOwner.subject).toBe("You already have a Caseflow account");
    expect(toOwner.text).toContain("/forgot-password/");
    // The owner's password is untouched.
    expect((await obtain("owner@example.test", owner.password)).status).toBe(200);
  });

  it("links an existing CRM contact and password-less user, so earlier tickets show at once", async () => {
    const prisma = await db();
    const agent = await makeUser({ role: "customer_service" });
    const contact = await prisma.contact.create({ data: { email: "wrote.in@example.test", name: "Wanda Wrote" } });
    const created = await call(handler(ticketsRoute.POST), "POST", "/api/v1/support/tickets/", {
      user: agent,
      body: { subject: "Parcel lost", description: "From an email", contact: contact.id },
    });
    expect(created.status).toBe(201);

    await signUpAndVerify("wrote.in@example.test");
    const { access } = (await obtain("wrote.in@example.test", STRONG)).json;
    const list = await call(handler(ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { user: { token: access } });
    expect(list.json.results.map((t: { subject: string }) => t.subject)).toEqual(["Parcel lost"]);

    // A user row without a password (made by mail or an agent) is completed, not duplicated.
    await prisma.user.create({ data: { email: "nopass@example.test", name: "", role: "customer" } });
    await signUpAndVerify("nopass@example.test");
    expect(await prisma.user.count({ where: { email: "nopass@example.test" } })).toBe(1);
    expect((await obtain("nopass@example.test", STRONG)).status).toBe(200);
  });

  it("refuses weak passwords and bad input with DRF 400s, never a 500", async () => {
    const weak = await signup({ name: "Pat", email: "pat@example.test", password: "password123" });
    expect(weak.status).toBe(400);
    expect(Object.keys(weak.json)).toEqual(["password"]);
    const own = await signup({ name: "Patricia Longname", email: "patricia@example.test", password: "patricia@example.test" });
    expect(own.status).toBe(400);
    expect((await signup({ email: "x@example.test", password: STRONG })).json).toEqual({ name: ["This field is required."] });
    expect((await signup({ name: "X", email: "not-an-email", password: STRONG })).json).toEqual({ email: ["Enter a valid email address."] });
    expect((await signup("[]")).status).toBe(400);
    expect((await post(signupRoute, "/api/v1/auth/signup/", { name: "\u0000", email: "a@b.test", password: STRONG })).status).toBe(400);
  });
});

describe("POST /api/v1/auth/verify-email/", () => {
  it("refuses an expired, unknown or malformed token", async () => {
    await signup({ name: "Eve Expired", email: "eve@example.test", password: STRONG });
    const token = linkToken((await deliver())[0].text, "verify-email");
    const prisma = await db();
    await prisma.oneTimeToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await verify(token)).status).toBe(400);
    expect((await verify("x".repeat(43))).status).toBe(400);
    expect((await verify("../../etc")).status).toBe(400);
    expect((await post(verifyRoute, "/api/v1/auth/verify-email/", {})).json).toEqual({ token: ["This field is required."] });
  });

  it("a newer sign-up for a pending account makes the older link useless", async () => {
    await signup({ name: "First", email: "twice@example.test", password: STRONG });
    const first = linkToken((await deliver())[0].text, "verify-email");
    await signup({ name: "Second", email: "twice@example.test", password: NEWER });
    const second = linkToken((await deliver())[0].text, "verify-email");
    expect((await verify(first)).status).toBe(400);
    expect((await verify(second)).status).toBe(200);
    expect((await obtain("twice@example.test", NEWER)).status).toBe(200);
  });
});

describe("password reset", () => {
  it("answers identically for known and unknown emails, and mails only the known one", async () => {
    await makeUser({ email: "known@example.test" });
    const a = await askReset("known@example.test");
    const b = await askReset("nobody@example.test");
    expect(a.status).toBe(200);
    expect(a.text).toBe(b.text);
    const mails = await deliver();
    expect(mails.map((m) => m.to)).toEqual(["known@example.test"]);
    expect(mails[0].subject).toBe("Reset your Caseflow password");
    expect(mails[0].text).toMatch(/works once, for 1 hour/);
  });

  it("sets the new password and refuses every older access token, refresh token and session", async () => {
    const u = await makeUser({ email: "forgetful@example.test" });
    const old = (await obtain(u.email, u.password)).json as { access: string; refresh: string };
    const cookie = `next-auth.session-token=${await encode({ token: { sub: u.id, authAt: Date.now() }, secret: process.env.AUTH_SECRET! })}`;
    const bySession = () => call(handler(ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { headers: { cookie } });
    expect((await bySession()).status).toBe(200);
    await askReset(u.email);
    const token = linkToken((await deliver())[0].text, "reset-password");

    // A weak password is refused and leaves the link usable.
    expect((await confirm(token, "123456")).status).toBe(400);
    const done = await confirm(token, NEWER);
    expect(done.status).toBe(200);

    expect((await obtain(u.email, u.password)).status).toBe(401);
    const fresh = await obtain(u.email, NEWER);
    expect(fresh.status).toBe(200);
    const list = (token: string) => call(handler(ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { user: { token } });
    expect((await list(old.access)).status).toBe(401);
    expect((await bySession()).status).toBe(401);
    expect((await post(refreshRoute, "/api/v1/auth/token/refresh/", { refresh: old.refresh })).status).toBe(401);
    expect((await list(fresh.json.access)).status).toBe(200);
    expect((await post(refreshRoute, "/api/v1/auth/token/refresh/", { refresh: fresh.json.refresh })).status).toBe(200);
    // Single use.
    expect((await confirm(token, "another fine passphrase 99")).status).toBe(400);
  });

  it("an expired reset link is refused", async () => {
    const u = await makeUser({ email: "late@example.test" });
    await askReset(u.email);
    const token = linkToken((await deliver())[0].text, "reset-password");
    const prisma = await db();
    await prisma.oneTimeToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await confirm(token, NEWER)).json).toEqual({ token: ["This link is invalid or has expired. Ask for a new one."] });
    expect((await obtain(u.email, u.password)).status).toBe(200);
  });
});

describe("magic links", () => {
  it("answer identically, sign in once within 15 minutes, and are refused after", async () => {
    const u = await makeUser({ email: "magic@example.test" });
    const a = await askMagic(u.email);
    const b = await askMagic("ghost@example.test");
    expect(a.status).toBe(200);
    expect(a.text).toBe(b.text);
    const mails = await deliver();
    expect(mails.map((m) => m.to)).toEqual(["magic@example.test"]);
    expect(mails[0].text).toMatch(/works once, for 15 minutes/);
    const token = linkToken(mails[0].text, "magic-link");
    expect((await signInWithMagicLink(token)).id).toBe(u.id);
    await expect(signInWithMagicLink(token)).rejects.toMatchObject(INVALID);

    await askMagic(u.email);
    const late = linkToken((await deliver())[0].text, "magic-link");
    const prisma = await db();
    await prisma.oneTimeToken.updateMany({ where: { tokenHash: hashToken(late) }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(signInWithMagicLink(late)).rejects.toMatchObject(INVALID);
  });

  it("two concurrent uses of one link: exactly one signs in", async () => {
    await makeUser({ email: "race@example.test" });
    await askMagic("race@example.test");
    const token = linkToken((await deliver())[0].text, "magic-link");
    const results = await Promise.allSettled([signInWithMagicLink(token), signInWithMagicLink(token), signInWithMagicLink(token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("sends at most 5 links an hour to one address, with the same answer", async () => {
    await makeUser({ email: "flood@example.test" });
    const answers = new Set<string>();
    for (let i = 0; i < 7; i++) answers.add((await askMagic("flood@example.test")).text);
    expect(answers.size).toBe(1);
    expect(await deliver()).toHaveLength(5);
  });
});

describe("rate limits", () => {
  it("the account endpoints count against RATE_LIMIT_ACCOUNT_ADDRESS (429 with Retry-After)", async () => {
    await withEnv({ TRUST_PROXY_HOPS: "1", RATE_LIMIT_ACCOUNT_ADDRESS: "2" }, async () => {
      const h = { "x-forwarded-for": "203.0.113.77" };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(magicRoute, "/api/v1/auth/magic-link/", { email: "a@example.test" }, h)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await post(resetRoute, "/api/v1/auth/password-reset/", { email: "a@example.test" }, h);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBeTruthy();
    });
  });
});
