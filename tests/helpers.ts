import { NextRequest } from "next/server";
import { afterAll, beforeAll } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import type { Role } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/domain/auth/password";
import { signToken } from "@/lib/auth/jwt";
import { actorSelect, type Actor } from "@/lib/domain/actor";

/** Migrates the test database once per file and empties it, then closes it at the end. */
export function useTestDb() {
  beforeAll(async () => {
    await migrate();
    await resetDb();
  });
  afterAll(async () => {
    await closeDb();
  });
}

export async function resetDb() {
  const prisma = await db();
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length) {
    await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
  }
}

let seq = 0;
const PASSWORD_HASH_CACHE: Record<string, string> = {};

export interface TestUser extends Actor {
  token: string;
  password: string;
}

/** A user with a signed access token. Roles: customer, customer_service, admin, ... */
export async function makeUser(
  opts: { role?: Role; isStaff?: boolean; permissions?: string[]; email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const prisma = await db();
  const n = ++seq;
  const password = opts.password ?? "correct horse battery staple";
  PASSWORD_HASH_CACHE[password] ??= await hashPassword(password);
  const user = await prisma.user.create({
    data: {
      email: opts.email ?? `user${n}-${Date.now()}@example.test`,
      name: opts.name ?? `User ${n}`,
      role: opts.role ?? "customer",
      isStaff: opts.isStaff ?? false,
      permissions: opts.permissions ?? [],
      passwordHash: PASSWORD_HASH_CACHE[password],
    },
    select: actorSelect,
  });
  const { isActive: _a, ...actor } = user;
  return { ...actor, token: await signToken(user.id, "access"), password };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOpts {
  user?: { token: string } | null;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  form?: FormData;
  raw?: { body: string | Uint8Array; contentType?: string };
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

/** Calls a real route handler the way Next does, and returns status, headers and JSON body. */
export async function call(handler: Handler, method: string, path: string, opts: CallOpts = {}) {
  const url = new URL(`http://localhost:3000${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const headers = new Headers(opts.headers);
  if (opts.user) headers.set("authorization", `Bearer ${opts.user.token}`);
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.raw) {
    body = opts.raw.body as BodyInit;
    if (opts.raw.contentType) headers.set("content-type", opts.raw.contentType);
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  const req = new NextRequest(url, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Follows a DRF "next"/"previous" URL against the same handler. */
export function pathOf(absoluteUrl: string): string {
  const u = new URL(absoluteUrl);
  return u.pathname + u.search;
}
