import { beforeEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import * as meRoute from "@/app/api/v1/auth/me/route";
import * as emailRoute from "@/app/api/v1/auth/me/email/route";
import * as confirmRoute from "@/app/api/v1/auth/me/email/confirm/route";
import * as passwordRoute from "@/app/api/v1/auth/me/password/route";
import * as signOutRoute from "@/app/api/v1/auth/me/sign-out-everywhere/route";
import * as tokensRoute from "@/app/api/v1/auth/tokens/route";
import * as tokenObtainRoute from "@/app/api/v1/auth/token/route";
import * as refreshRoute from "@/app/api/v1/auth/token/refresh/route";
import { signToken } from "@/lib/auth/jwt";
import { db } from "@/lib/db/client";
import { drainOutbox } from "@/lib/notifications/worker";
import { captureTransport } from "./support/capture-transport";
import { makeUser, type TestUser } from "./support/cast";
import { useTestDb } from "./support/db";
import { supportApi } from "./support/api";
import { clearOutbox } from "./support/fixtures";
import { call, handler } from "./support/http";

useTestDb();

const STRONG = "plum orbit kettle mosaic 42";
const NEWER = "violet canyon sparrow ledger 7";
const ORIGIN = { origin: "http://localhost:3000" };
type Who = { token: string } | { cookie: string };

function opts(who: Who, body?: unknown) {
  return "token" in who ? { user: who, body } : { body, headers: { cookie: `next-auth.session-token=${who.cookie}`, ...ORIGIN } };
}
const me = (who: Who) => call(handler(meRoute.GET), "GET", "/api/v1/auth/me/", opts(who));
const patchMe = (who: Who, body: unknown) => call(handler(meRoute.PATCH), "PATCH", "/api/v1/auth/me/", opts(who, body));
const changeEmail = (who: Who, body: unknown) => call(handler(emailRoute.POST), "POST", "/api/v1/auth/me/email/", opts(who, body));
const confirmEmail = (token: string) => call(handler(confirmRoute.POST), "POST", "/api/v1/auth/me/email/confirm/", { body: { token } });
const changePassword = (who: Who, body: unknown) => call(handler(passwordRoute.POST), "POST", "/api/v1/auth/me/password/", opts(who, body));
const signOutAll = (who: Who) => call(handler(signOutRoute.POST), "POST", "/api/v1/auth/me/sign-out-everywhere/", opts(who));
const newApiToken = async (u: TestUser) => {
  const r = await call(handler(tokensRoute.POST), "POST", "/api/v1/auth/tokens/", { user: u, body: { name: "script" } });
  expect(r.status).toBe(201);
  return { token: r.json.token as string };
};
const obtain = (email: string, password: string) => call(handler(tokenObtainRoute.POST), "POST", "/api/v1/auth/token/", { body: { email, password } });
const refresh = (token: string) => call(handler(refreshRoute.POST), "POST", "/api/v1/auth/token/refresh/", { body: { refresh: token } });

/** A browser session cookie as next-auth writes it at sign-in. */
async function sessionOf(u: TestUser, authAt = Date.now()): Promise<{ cookie: string }> {
  return { cookie: await encode({ token: { sub: u.id, email: u.email, name: u.name, authAt }, secret: process.env.AUTH_SECRET! }) };
}
/** The session cookie a response set. */
function setCookie(res: { headers: Headers }): { cookie: string } {
  const m = /next-auth\.session-token=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  if (!m) throw new Error("no session cookie set");
  return { cookie: m[1] };
}
const works = async (who: Who) => (await me(who)).status === 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  await clearOutbox();
});

describe("profile: /api/v1/auth/me/", () => {
  it("shows and changes the name (the linked CRM contact follows)", async () => {
    const u = await makeUser({ name: "Old Name" });
    await supportApi.createTicket(u, { subject: "makes my contact", description: "x" });
    const r = await me(u);
    expect(r.json).toEqual({ id: u.id, email: u.email, name: "Old Name", role: "customer", has_password: true });
    const p = await patchMe(u, { name: "  New Name " });
    expect(p.status).toBe(200);
    expect(p.json.name).toBe("New Name");
    const prisma = await db();
    expect((await prisma.contact.findUniqueOrThrow({ where: { userId: u.id } })).name).toBe("New Name");
    expect((await patchMe(u, { name: "" })).json).toEqual({ name: ["This field may not be blank."] });
    expect((await patchMe(u, { email: "x@example.test" })).status).toBe(400); // not here
    expect((await me({ token: "nope" })).status).toBe(401);
  });

  it("changes the email only when the link sent to the new address is opened", async () => {
    const u = await makeUser({ password: STRONG });
    const target = `moved-${Date.now()}@example.test`;
    expect((await changeEmail(u, { email: target, password: "wrong password here" })).json).toEqual({ password: ["Your password was entered incorrectly."] });
    const r = await changeEmail(u, { email: target, password: STRONG });
    expect(r.status).toBe(202);
    expect((await me(u)).json.email).toBe(u.email); // not yet

    const t = captureTransport();
    await drainOutbox({ transport: t });
    const mails = t.sent.map((s) => s.mail);
    expect(mails.map((m) => m.to)).toEqual([target]);
    const m = /http:\/\/[^\s>]+\/confirm-email\/\?token=([A-Za-z0-9_-]+)/.exec(mails[0].text);
    expect(m, mails[0].text).not.toBeNull();
    expect(mails[0].subject).toMatch(/Confirm your new email address/);

    const ok = await confirmEmail(m![1]);
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect((await me(u)).json.email).toBe(target);
    expect((await confirmEmail(m![1])).status).toBe(400); // single use
    // Signs in with the new address, not the old one.
    expect((await obtain(target, STRONG)).status).toBe(200);
    expect((await obtain(u.email, STRONG)).status).toBe(401);
  });

  it("sends no link for an address another account has, and answers the same", async () => {
    const u = await makeUser({ password: STRONG });
    const other = await makeUser();
    const r = await changeEmail(u, { email: other.email, password: STRONG });
    expect(r.status).toBe(202);
    const t = captureTransport();
    await drainOutbox({ transport: t });
    expect(t.sent).toEqual([]);
    // A personal API token cannot change the account.
    const tok = await newApiToken(u);
    expect((await changeEmail(tok, { email: "x@example.test", password: STRONG })).status).toBe(403);
  });

  it("password change: other sessions, JWTs and API tokens stop; the session that changed it carries on", async () => {
    const u = await makeUser({ password: STRONG });
    const here = await sessionOf(u, Date.now() - 5000);
    const elsewhere = await sessionOf(u, Date.now() - 5000);
    const oldJwt = { token: await signToken(u.id, "access") };
    const oldRefresh = await signToken(u.id, "refresh");
    const apiTok = await newApiToken(u);
    await sleep(5);
    expect((await changePassword(here, { current_password: "not my password", password: NEWER })).json).toEqual({ current_password: ["Your password was entered incorrectly."] });
    const weak = await changePassword(here, { current_password: STRONG, password: "password123" });
    expect(weak.status).toBe(400);
    expect(weak.json.password).toBeDefined();

    const r = await changePassword(here, { current_password: STRONG, password: NEWER });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.access).toBeUndefined();
    const renewed = setCookie(r);
    expect(await works(renewed)).toBe(true);
    expect(await works(here)).toBe(false); // the old cookie value itself is refused…
    expect(await works(elsewhere)).toBe(false);
    expect(await works(oldJwt)).toBe(false);
    expect(await works(apiTok)).toBe(false);
    expect((await refresh(oldRefresh)).status).toBe(401);
    expect((await obtain(u.email, STRONG)).status).toBe(401);
    expect((await obtain(u.email, NEWER)).status).toBe(200);
  });

  it("password change over a JWT answers with a new access/refresh pair", async () => {
    const u = await makeUser({ password: STRONG });
    const old = { token: await signToken(u.id, "access") };
    await sleep(5);
    const r = await changePassword(old, { current_password: STRONG, password: NEWER });
    expect(r.status).toBe(200);
    expect(await works(old)).toBe(false);
    expect(await works({ token: r.json.access })).toBe(true);
    expect((await refresh(r.json.refresh)).status).toBe(200);
  });

  it("sign out everywhere: every other session and token stops, this one carries on", async () => {
    const u = await makeUser({ password: STRONG });
    const here = await sessionOf(u, Date.now() - 5000);
    const elsewhere = await sessionOf(u, Date.now() - 5000);
    const jwt = { token: await signToken(u.id, "access") };
    const apiTok = await newApiToken(u);
    await sleep(5);
    expect((await signOutAll(apiTok)).status).toBe(403); // a token cannot
    const r = await signOutAll(here);
    expect(r.status).toBe(200);
    expect(await works(setCookie(r))).toBe(true);
    expect(await works(elsewhere)).toBe(false);
    expect(await works(jwt)).toBe(false);
    expect(await works(apiTok)).toBe(false);
    const prisma = await db();
    expect(await prisma.apiToken.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
  });
});
