import { db, dbHandle } from "@/lib/db/client";
import { actorSelect, type Actor } from "../actor";
import { EmailNotVerifiedError, NotAuthenticatedError } from "../errors";
import type { RequestOrigin } from "../audit/record-audit";
import { recordFailedSignIn, recordSignIn, type SignInFailure } from "../audit/sign-in-audit";
import { verifyPassword } from "./password";
import { assertNotThrottled, clearFailures, loginLimits, recordFailure, type ThrottleKey } from "./throttle";

/**
 * Failed sign-ins are counted three ways, so that throttling stops guessing without locking
 * out a whole office behind one address:
 * - per email and address, at the lowest limit: the usual case of one person mistyping, or
 *   one attacker guessing, locks only that email from that address;
 * - per email across addresses, higher: guessing one password from many addresses still ends;
 * - per address across emails, much higher: one address trying many accounts still ends.
 * An unknown address (no trusted proxy, see lib/api/client-address.ts) is one address for the
 * first key and has no key of its own, since it would be shared by every client.
 */
function throttleKeys(email: string, clientIp: string | null): ThrottleKey[] {
  const limits = loginLimits();
  return [
    { key: `email-addr:${email}|${clientIp ?? "unknown"}`, maxFailures: limits.maxFailures },
    { key: `email:${email}`, maxFailures: limits.maxFailuresEmail },
    ...(clientIp ? [{ key: `addr:${clientIp}`, maxFailures: limits.maxFailuresAddress }] : []),
  ];
}

/**
 * Email + password sign-in, shared by the browser (next-auth credentials) and the API token
 * endpoint, so both are throttled, fail the same way and leave the same audit rows
 * (`auth.signed_in`, `auth.sign_in_failed`; throttled attempts are refused before either).
 * The origin's address is the one throttling counts by (clientAddress: trusted proxies only).
 */
export async function authenticate(
  email: string,
  password: string,
  origin: RequestOrigin | null,
  method: "password" | "api_token_obtain" = "password",
): Promise<Actor> {
  const prisma = await db();
  const normalized = email.trim().toLowerCase();
  const keys = throttleKeys(normalized, origin?.ip ?? null);
  await assertNotThrottled(prisma, keys.map((k) => k.key));
  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { ...actorSelect, passwordHash: true, emailVerifiedAt: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash);
  const failed = (reason: SignInFailure) =>
    recordFailedSignIn(prisma, { email: normalized, userId: user?.id ?? null, reason, method }, origin);
  if (!user || !ok || !user.isActive) {
    await recordFailure(prisma, keys);
    await failed(!user ? "unknown_email" : !ok ? "wrong_password" : "inactive");
    throw new NotAuthenticatedError("No active account found with the given credentials.");
  }
  // Said only after the password matched, so it reveals nothing to someone guessing emails.
  if (!user.emailVerifiedAt) {
    await failed("email_not_verified");
    throw new EmailNotVerifiedError();
  }
  // Only this email+address pair is forgiven: the per-email count also holds other
  // addresses' guesses, which one successful sign-in must not wipe out.
  await clearFailures(prisma, keys[0].key);
  await recordSignIn(prisma, user, method, origin);
  const { passwordHash: _ph, isActive: _a, emailVerifiedAt: _v, ...actor } = user;
  return actor;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ActorRow extends Actor {
  isActive: boolean;
  sessionsValidAfter: Date | null;
}

/**
 * The actor a session or token stands for, or null when the user is gone or inactive, or when
 * the credential was issued (`issuedAt`, epoch ms) before the user's sessions were ended by a
 * password reset (users.sessions_valid_after).
 *
 * Every API request runs this, so it is one hand-written primary-key read (the columns of
 * `actorSelect`) sent straight to the pool (dbHandle().rows): through Prisma's findUnique the
 * same read cost about 730 µs of CPU, through Prisma's $queryRaw about 480 µs, on the pool
 * about 190 µs (docs/benchmarks.md).
 * tests/load-actor.test.ts holds it to what `actorSelect` reads.
 */
const ACTOR_SQL = `SELECT id::text AS id, email, name, role::text AS role, is_staff AS "isStaff", permissions,
    team_id::text AS "teamId", is_active AS "isActive", sessions_valid_after AS "sessionsValidAfter"
  FROM users WHERE id = $1::uuid`;

export async function loadActor(userId: string, issuedAt?: number | null): Promise<Actor | null> {
  if (!UUID.test(userId)) return null;
  const [user] = await (await dbHandle()).rows<ActorRow>(ACTOR_SQL, [userId]);
  if (!user || !user.isActive || (user.sessionsValidAfter && (issuedAt == null || issuedAt < user.sessionsValidAfter.getTime()))) {
    snapshots.delete(userId);
    return null;
  }
  const { isActive: _a, sessionsValidAfter: _s, ...actor } = user;
  snapshots.delete(userId);
  if (snapshots.size >= SNAPSHOTS_MAX) snapshots.delete(snapshots.keys().next().value!);
  snapshots.set(userId, actor);
  return actor;
}

/**
 * The actor loadActor last read for a user in this process: a guess, never an answer. A
 * statement that acts on it must carry actorGuard, so that it reads nothing unless the user's
 * row still says exactly this (listTicketsFor, lib/domain/tickets/list-tickets.ts).
 */
const SNAPSHOTS_MAX = 5000;
const snapshots = new Map<string, Actor>();

export function actorSnapshot(userId: string): Actor | undefined {
  return UUID.test(userId) ? snapshots.get(userId) : undefined;
}

/** What a request's credential says: whose it is and when it was issued (epoch ms). */
export interface Claims {
  userId: string;
  issuedAt: number | null;
}

/**
 * A SQL condition, true exactly when loadActor(claims) would return `actor` now: the user's
 * row is active, its every actor column equals the snapshot's, and the credential was issued
 * after the user's sessions were last ended. Evaluated once per statement (an InitPlan), in the
 * statement's own snapshot, so the rows it guards were read under exactly this actor.
 */
export function actorGuard(actor: Actor, claims: Claims, add: (value: unknown, type: string) => string): string {
  return `EXISTS (SELECT 1 FROM users u WHERE u.id = ${add(actor.id, "uuid")} AND u.is_active
    AND u.email = ${add(actor.email, "text")} AND u.name = ${add(actor.name, "text")} AND u.role::text = ${add(actor.role, "text")}
    AND u.is_staff = ${add(actor.isStaff, "boolean")} AND u.permissions = ${add(actor.permissions, "text[]")}
    AND u.team_id IS NOT DISTINCT FROM ${add(actor.teamId, "uuid")}
    AND (u.sessions_valid_after IS NULL OR u.sessions_valid_after <= ${add(claims.issuedAt === null ? null : new Date(claims.issuedAt), "timestamptz")}))`;
}
