import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/admin/invitations/route";
import * as itemRoute from "@/app/api/v1/admin/invitations/[id]/route";
import * as resendRoute from "@/app/api/v1/admin/invitations/[id]/resend/route";
import * as acceptRoute from "@/app/api/v1/auth/invitations/accept/route";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as ticketsRoute from "@/app/api/v1/support/tickets/route";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/domain/auth/one-time-tokens";
import { drainOutbox } from "@/lib/notifications/worker";
import { captureTransport } from "./support/capture-transport";
import { makeCast, makeUser, type Cast } from "./support/cast";
import { useTestDb } from "./support/db";
import { clearOutbox } from "./support/fixtures";
import { call, handler, pathOf } from "./support/http";

useTestDb();

const STRONG = "plum orbit kettle mosaic 42";
type Who = { token: string } | null;

const invite = (user: Who, body: unknown) => call(handler(listRoute.POST), "POST", "/api/v1/admin/invitations/", { user, body });
const list = (user: Who, query: Record<string, string> = {}) => call(handler(listRoute.GET), "GET", "/api/v1/admin/invitations/", { user, query });
const revoke = (user: Who, id: string) => call(handler(itemRoute.DELETE), "DELETE", `/api/v1/admin/invitations/${id}/`, { user, params: { id } });
const resend = (user: Who, id: string) => call(handler(resendRoute.POST), "POST", `/api/v1/admin/invitations/${id}/resend/`, { user, params: { id } });
const accept = (body: unknown) => call(handler(acceptRoute.POST), "POST", "/api/v1/auth/invitations/accept/", { body });
const obtain = (email: string, password: string) => call(handler(tokenRoute.POST), "POST", "/api/v1/auth/token/", { body: { email, password } });

/** Delivers the outbox and returns the invitation mails, newest last. */
async function invitationMails() {
  const t = captureTransport();
  await drainOutbox({ transport: t });
  return t.sent.map((s) => s.mail).filter((m) => m.text.includes("/accept-invitation/"));
}

function linkToken(text: string): string {
  const m = /http:\/\/[^\s>]+\/accept-invitation\/\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no invitation link in:\n${text}`);
  return m[1];
}

/** Invites an address and returns the invitation and the token of its emailed link. */
async function invited(by: Who, email: string, extra: Record<string, unknown> = {}) {
  const res = await invite(by, { email, role: "customer_service", ...extra });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const mails = (await invitationMails()).filter((m) => m.to === email.toLowerCase());
  expect(mails).toHaveLength(1);
  return { invitation: res.json, token: linkToken(mails[0].text), mail: mails[0] };
}

let cast: Cast;
let teamId: string;
let n = 0;
const addr = (label: string) => `${label.toLowerCase()}-${++n}@invite.test`;

beforeAll(async () => {
  cast = await makeCast();
  teamId = (await (await db()).team.create({ data: { name: "Support" } })).id;
});

beforeEach(async () => {
  await clearOutbox();
});

describe("POST /api/v1/admin/invitations/", () => {
  it("invites an agent into a team and emails a single-use link (html and text, from APP_URL) stored only as a hash", async () => {
    const email = addr("nadia");
    const { invitation, token, mail } = await invited(cast.admin, email.toUpperCase(), { team: teamId });
    expect(invitation).toMatchObject({
      email: email.toLowerCase(),
      role: "customer_service",
      team: { id: teamId, name: "Support" },
      status: "pending",
      invited_by: { id: cast.admin.id, name: "Ada Admin" },
      user: null,
      accepted_at: null,
      revoked_at: null,
    });
    const days = (Date.parse(invitation.expires_at) - Date.parse(invitation.created_at)) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    expect(mail.subject).toBe("You are invited to join Caseflow");
    expect(mail.text).toContain("Ada Admin invited you");
    expect(mail.text).toContain("7 days");
    expect(mail.html).toContain("/accept-invitation/?token=");
    expect(mail.text).toMatch(new RegExp(`^.*${(process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "")}/accept-invitation/\\?token=`, "m"));
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const prisma = await db();
    const row = await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    const outbox = await prisma.notification.findMany({ where: { toEmail: email } });
    expect(JSON.stringify(outbox.map((o) => o.payload))).not.toContain(token);
  });

  it("refuses an address that already has an account, or a pending invitation, with a 400 on email", async () => {
    const existing = await invite(cast.admin, { email: cast.agent.email.toUpperCase(), role: "admin" });
    expect(existing.status).toBe(400);
    expect(existing.json).toEqual({ email: ["A user with this email address already exists."] });
    const email = addr("twice");
    await invited(cast.admin, email);
    const again = await invite(cast.superAdmin, { email, role: "admin" });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ email: ["This address already has a pending invitation. Resend it instead."] });
    expect(await (await db()).invitation.count({ where: { email } })).toBe(1);
  });

  it("lets only a super_admin invite a super_admin, and refuses customers and unknown teams", async () => {
    const byAdmin = await invite(cast.admin, { email: addr("boss"), role: "super_admin" });
    expect(byAdmin.status).toBe(400);
    expect(byAdmin.json).toEqual({ role: ["Only a super admin can invite a super admin."] });
    expect((await invite(cast.superAdmin, { email: addr("boss"), role: "super_admin" })).status).toBe(201);
    const customer = await invite(cast.admin, { email: addr("c"), role: "customer" });
    expect(customer.status).toBe(400);
    expect(customer.json).toEqual({ role: ['"customer" is not a valid choice.'] });
    const team = await invite(cast.admin, { email: addr("t"), role: "admin", team: "00000000-0000-4000-8000-000000000999" });
    expect(team.status).toBe(400);
    expect(team.json).toEqual({ team: ['Invalid pk "00000000-0000-4000-8000-000000000999" - object does not exist.'] });
    expect((await invite(cast.admin, { email: "nope", role: "admin" })).json).toEqual({ email: ["Enter a valid email address."] });
  });
});

describe("who may manage invitations", () => {
  it("answers 401 to anonymous callers and 403 to agents and customers on every admin route", async () => {
    const { invitation } = await invited(cast.admin, addr("guarded"));
    const id = invitation.id;
    const body = { email: addr("x"), role: "customer_service" };
    for (const [who, status] of [[null, 401], [cast.agent, 403], [cast.salesManager, 403], [cast.customer, 403]] as const) {
      expect((await invite(who, body)).status, `invite ${status}`).toBe(status);
      expect((await list(who)).status, `list ${status}`).toBe(status);
      expect((await revoke(who, id)).status, `revoke ${status}`).toBe(status);
      expect((await resend(who, id)).status, `resend ${status}`).toBe(status);
    }
    expect((await invite(cast.agent, body)).json).toEqual({ detail: "You do not have permission to perform this action." });
    // Nothing changed: still pending, no mail beyond the first.
    expect((await list(cast.admin, { search: invitation.email })).json.results[0].status).toBe("pending");
    expect(await invitationMails()).toHaveLength(0);
  });
});

describe("POST /api/v1/auth/invitations/accept/", () => {
  it("creates the user with the invitation's role and team, verified, who can sign in and see the queue; the link works once", async () => {
    const email = addr("Ines");
    const { invitation, token } = await invited(cast.admin, email, { team: teamId, role: "sales_manager" });
    const weak = await accept({ token, name: "Ines Invited", password: "password123" });
    expect(weak.status).toBe(400);
    expect(Object.keys(weak.json)).toEqual(["password"]);

    const res = await accept({ token, name: "  Ines Invited ", password: STRONG });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), email, name: "Ines Invited", role: "sales_manager", team: teamId });
    const user = await (await db()).user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "sales_manager", teamId, isActive: true });
    expect(user.emailVerifiedAt).not.toBeNull();

    const signedIn = await obtain(email, STRONG);
    expect(signedIn.status).toBe(200);
    const queue = await call(handler(ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { user: { token: signedIn.json.access } });
    expect(queue.status).toBe(200);

    const again = await accept({ token, name: "Someone Else", password: STRONG });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ token: ["This invitation was already accepted. Sign in instead."] });
    const row = (await list(cast.admin, { search: email })).json.results[0];
    expect(row).toMatchObject({ id: invitation.id, status: "accepted", user: user.id });
    expect(row.accepted_at).not.toBeNull();
    // An accepted invitation is an account now: revoking it is refused, and so is a resend.
    expect((await revoke(cast.admin, invitation.id)).status).toBe(400);
    expect((await resend(cast.admin, invitation.id)).status).toBe(400);
    // The address has an account now, so it cannot be invited again.
    expect((await invite(cast.admin, { email, role: "admin" })).status).toBe(400);
  });

  it("lets exactly one of two concurrent accepts create the user", async () => {
    const email = addr("race");
    const { token } = await invited(cast.admin, email);
    const results = await Promise.all([accept({ token, name: "Racer One", password: STRONG }), accept({ token, name: "Racer Two", password: STRONG })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(await (await db()).user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired link with a clear 400; a resend makes a new link that works", async () => {
    const email = addr("late");
    const { invitation, token } = await invited(cast.admin, email);
    const prisma = await db();
    await prisma.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await list(cast.admin, { status: "expired", search: email })).json.results.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    expect((await list(cast.admin, { status: "pending", search: email })).json.results).toEqual([]);
    const late = await accept({ token, name: "Lou Late", password: STRONG });
    expect(late.status).toBe(400);
    expect(late.json).toEqual({ token: ["This invitation has expired. Ask an admin to resend it."] });

    const again = await resend(cast.admin, invitation.id);
    expect(again.status).toBe(200);
    expect(again.json.status).toBe("pending");
    expect(Date.parse(again.json.expires_at) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const [mail] = await invitationMails();
    expect((await accept({ token: linkToken(mail.text), name: "Lou Late", password: STRONG })).status).toBe(201);
  });

  it("refuses unknown, malformed and missing tokens with DRF 400s", async () => {
    const unknown = await accept({ token: "A".repeat(43), name: "X Y", password: STRONG });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ token: ["This invitation link is invalid. Open the newest invitation email, or ask an admin to resend it."] });
    expect((await accept({ token: "short", name: "X Y", password: STRONG })).status).toBe(400);
    expect((await accept({ name: "X Y", password: STRONG })).json).toEqual({ token: ["This field is required."] });
    expect((await accept({ token: "A".repeat(43), name: " ", password: STRONG })).json).toEqual({ name: ["This field may not be blank."] });
  });
});

describe("resend and revoke", () => {
  it("resending kills the old link: only the newest one works", async () => {
    const email = addr("resent");
    const { invitation, token: first } = await invited(cast.admin, email);
    const res = await resend(cast.superAdmin, invitation.id);
    expect(res.status).toBe(200);
    expect(res.json.invited_by.id).toBe(cast.superAdmin.id);
    const [mail] = await invitationMails();
    expect(mail.to).toBe(email);
    const second = linkToken(mail.text);
    expect(second).not.toBe(first);
    const old = await accept({ token: first, name: "Rita Resent", password: STRONG });
    expect(old.status).toBe(400);
    expect(old.json.token[0]).toMatch(/invalid/);
    expect((await accept({ token: second, name: "Rita Resent", password: STRONG })).status).toBe(201);
  });

  it("revoking stops the link at once, is idempotent, and frees the address for a new invitation", async () => {
    const email = addr("revoked");
    const { invitation, token } = await invited(cast.admin, email);
    const res = await revoke(cast.admin, invitation.id);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await revoke(cast.admin, invitation.id)).status).toBe(204);
    const refused = await accept({ token, name: "Rex Revoked", password: STRONG });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ token: ["This invitation was withdrawn. Ask an admin for a new one."] });
    expect((await resend(cast.admin, invitation.id)).json).toEqual({ non_field_errors: ["This invitation was revoked: invite the address again."] });
    expect((await list(cast.admin, { status: "revoked", search: email })).json.results).toHaveLength(1);
    await invited(cast.admin, email);
    expect((await revoke(cast.admin, "00000000-0000-4000-8000-000000000999")).status).toBe(404);
    expect((await revoke(cast.admin, "not-a-uuid")).status).toBe(404);
  });

  it("an expired invitation is replaced by a new one for the same address", async () => {
    const email = addr("replaced");
    const { invitation } = await invited(cast.admin, email);
    await (await db()).invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { invitation: fresh } = await invited(cast.admin, email);
    const rows = (await list(cast.admin, { search: email })).json.results;
    expect(rows.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[fresh.id, "pending"], [invitation.id, "revoked"]]);
  });
});

describe("GET /api/v1/admin/invitations/", () => {
  it("lists newest first with cursor pages and a status filter", async () => {
    const mine = await makeUser({ role: "admin", name: "Lister" });
    const emails = [addr("page"), addr("page"), addr("page")];
    for (const email of emails) await invited(mine, email);
    const first = await list(mine, { search: "page-", page_size: "2" });
    expect(first.status).toBe(200);
    expect(first.json.results.map((i: { email: string }) => i.email)).toEqual([emails[2], emails[1]]);
    expect(first.json.previous).toBeNull();
    const second = await call(handler(listRoute.GET), "GET", pathOf(first.json.next), { user: mine });
    expect(second.json.results.map((i: { email: string }) => i.email)).toEqual([emails[0]]);
    expect(second.json.next).toBeNull();
    const bad = await list(mine, { status: "lost" });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ status: ['"lost" is not a valid choice.'] });
  });
});

describe("audit log", () => {
  it("records every admin action on an invitation and its acceptance, with who and from where", async () => {
    const ua = { "user-agent": "InviteTest/1.0" };
    const email = addr("audited");
    const created = await call(handler(listRoute.POST), "POST", "/api/v1/admin/invitations/", { user: cast.admin, body: { email, role: "admin", team: teamId }, headers: ua });
    expect(created.status).toBe(201);
    const id = created.json.id;
    await invitationMails(); // the first link, replaced by the resend below
    expect((await call(handler(resendRoute.POST), "POST", `/api/v1/admin/invitations/${id}/resend/`, { user: cast.superAdmin, params: { id }, headers: ua })).status).toBe(200);
    const [mail] = await invitationMails();
    const res = await call(handler(acceptRoute.POST), "POST", "/api/v1/auth/invitations/accept/", { body: { token: linkToken(mail.text), name: "Audrey Audited", password: STRONG }, headers: ua });
    expect(res.status).toBe(201);
    const other = await invited(cast.admin, addr("withdrawn"));
    expect((await revoke(cast.admin, other.invitation.id)).status).toBe(204);
    expect((await revoke(cast.admin, other.invitation.id)).status).toBe(204); // no change, no second row

    const prisma = await db();
    const rows = await prisma.auditLog.findMany({ where: { targetId: { in: [id, other.invitation.id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.action, r.actorId, r.targetType])).toEqual([
      ["invitation.created", cast.admin.id, "invitation"],
      ["invitation.resent", cast.superAdmin.id, "invitation"],
      ["invitation.accepted", res.json.id, "invitation"],
      ["invitation.created", cast.admin.id, "invitation"],
      ["invitation.revoked", cast.admin.id, "invitation"],
    ]);
    expect(rows[0]).toMatchObject({ actorEmail: cast.admin.email, userAgent: "InviteTest/1.0", summary: `Invited ${email} as admin to Support` });
    expect(rows[0].changes).toMatchObject({ email, role: "admin", team: teamId });
    expect(rows[2]).toMatchObject({ actorEmail: email, userAgent: "InviteTest/1.0" });
    expect(rows[2].summary).toContain("accepted the invitation");
    // A refused action writes nothing.
    const before = await prisma.auditLog.count();
    expect((await invite(cast.agent, { email: addr("nope"), role: "admin" })).status).toBe(403);
    expect((await accept({ token: linkToken(mail.text), name: "Again", password: STRONG })).status).toBe(400);
    expect(await prisma.auditLog.count()).toBe(before);
  });
});
