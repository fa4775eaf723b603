/**
 * The measured requests: the real route handlers called in-process with a NextRequest and a
 * Bearer token, exactly as Next would call them (no HTTP server, so we time the app + DB).
 */
import { NextRequest } from "next/server";
import * as messages from "@/app/api/v1/support/messages/route";
import * as tickets from "@/app/api/v1/support/tickets/route";
import { signToken } from "@/lib/auth/jwt";
import { db } from "@/lib/db/client";
import type { Request } from "./measure";
import { SEARCH_WORDS } from "./seed";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://localhost:3000";

export async function call(handler: unknown, method: string, url: string, token: string, body?: unknown) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  const req = new NextRequest(new URL(url, BASE), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await (handler as Handler)(req, { params: Promise.resolve({}) });
  const text = await res.text(); // the body is part of the work: always read it
  return { status: res.status, text };
}

/** Deterministic choice of the i-th element (a multiplicative hash spreads consecutive i). */
const nth = <T>(xs: T[], i: number) => xs[(i * 2654435761) % xs.length >>> 0];

export interface Fixtures {
  agentToken: string;
  targets: { id: string; userToken: string }[];
  deepPages: string[];
  deepWalkMs: number;
}

export async function fixtures(deepPage: number): Promise<Fixtures> {
  const prisma = await db();
  const agent = await prisma.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } });
  const agentToken = await signToken(agent.id, "access");
  const rows = await prisma.$queryRawUnsafe<{ id: string; user_id: string }[]>(
    `SELECT id::text, user_id::text FROM tickets WHERE user_id IS NOT NULL ORDER BY md5(id::text) LIMIT 400`,
  );
  const tokens = new Map<string, string>();
  const targets = [];
  for (const r of rows) {
    if (!tokens.has(r.user_id)) tokens.set(r.user_id, await signToken(r.user_id, "access"));
    targets.push({ id: r.id, userToken: tokens.get(r.user_id)! });
  }
  // Walk the agent queue `deepPage` pages deep by following `next`, keeping the last ten
  // cursors: the measured request is the fetch of such a deep page.
  const deepPages: string[] = [];
  let url: string | null = "/api/v1/support/tickets/?page_size=25";
  const t0 = performance.now();
  for (let page = 1; url && page <= deepPage; page++) {
    const r = await call(tickets.GET, "GET", url, agentToken);
    if (r.status !== 200) throw new Error(`queue walk failed at page ${page}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
    url = JSON.parse(r.text).next;
    if (url && page >= deepPage - 10) deepPages.push(url);
  }
  if (deepPages.length === 0) throw new Error(`the queue has fewer than ${deepPage} pages`);
  return { agentToken, targets, deepPages, deepWalkMs: (performance.now() - t0) / deepPage };
}

const OPEN = ["new", "assigned", "in_progress", "pending"];

export function scenarios(f: Fixtures): [string, Request][] {
  const get = (h: unknown, url: string, token = f.agentToken) => call(h, "GET", url, token).then((r) => r.status);
  return [
    ["agent queue list", () => get(tickets.GET, "/api/v1/support/tickets/?page_size=25")],
    [
      "filtered search",
      (i) => get(tickets.GET, `/api/v1/support/tickets/?status=${nth(OPEN, i)}&search=${nth(SEARCH_WORDS, i + 7)}&ordering=sla_due_at&page_size=25`),
    ],
    ["deep cursor page", (i) => get(tickets.GET, nth(f.deepPages, i))],
    ["SLA queue", () => get(tickets.GET, "/api/v1/support/tickets/?sla_overdue=true&ordering=-sla_due_at&page_size=25")],
    // A term no subject, description or requester email holds: the whole table is the answer's cost.
    ["search, no hits", (i) => get(tickets.GET, `/api/v1/support/tickets/?search=zq${nth(SEARCH_WORDS, i)}xj&page_size=25`)],
    ["thread fetch", (i) => get(messages.GET, `/api/v1/support/messages/?ticket=${nth(f.targets, i).id}`)],
    [
      "message post",
      (i) => {
        const t = nth(f.targets, i);
        // Alternate sides: agents reply (outbound), customers write on their own tickets.
        const token = i % 2 ? f.agentToken : t.userToken;
        return call(messages.POST, "POST", "/api/v1/support/messages/", token, { ticket: t.id, body: `Benchmark message ${i}: any news on this?` }).then((r) => r.status);
      },
    ],
  ];
}
