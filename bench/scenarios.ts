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
  /** Per ordering of DEEP_ORDERINGS, the last ten cursors of a 200-page walk. */
  deepByOrdering: Record<string, string[]>;
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
  // cursors: the measured request is the fetch of such a deep page. The default ordering is
  // measured against the bare server too; the other orderings against their own page 1.
  const t0 = performance.now();
  const walk = async (ordering: string | null) => {
    const pages: string[] = [];
    let url: string | null = `/api/v1/support/tickets/?page_size=25${ordering ? `&ordering=${ordering}` : ""}`;
    for (let page = 1; url && page <= deepPage; page++) {
      const r = await call(tickets.GET, "GET", url, agentToken);
      if (r.status !== 200) throw new Error(`queue walk (${ordering ?? "default"}) failed at page ${page}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
      url = JSON.parse(r.text).next;
      if (url && page >= deepPage - 10) pages.push(url);
    }
    if (pages.length === 0) throw new Error(`the queue (${ordering ?? "default"}) has fewer than ${deepPage} pages`);
    return pages;
  };
  const deepPages = await walk(null);
  const deepWalkMs = (performance.now() - t0) / deepPage;
  const deepByOrdering: Record<string, string[]> = {};
  for (const o of DEEP_ORDERINGS) deepByOrdering[o] = await walk(o);
  return { agentToken, targets, deepPages, deepByOrdering, deepWalkMs };
}

/** The other orderings whose deep pages are measured (each against its own first page). */
export const DEEP_ORDERINGS = ["created_at", "-updated_at", "-sla_due_at", "-priority"];

const OPEN = ["new", "assigned", "in_progress", "pending"];
const SHORT_1 = ["a", "z", "k", "7", "j", "z"];
const SHORT_2 = ["re", "zq", "ke", "qj", "%231", "xz"];

/**
 * The measured requests as plain HTTP requests. `path(i, side)`: the bare reference server
 * has its own cursors, so the deep page differs per side; `bare: false` marks a request only
 * Caseflow answers (writes). `list` names the scenarios whose statement the plans show.
 */
export interface Spec {
  name: string;
  method: "GET" | "POST";
  path: (i: number, side: "caseflow" | "bare") => string;
  token: (i: number) => string;
  body?: (i: number) => unknown;
  bare: boolean;
}

/** A fixed window for the whole run, so every request asks the same question. */
const DUE_WINDOW = { after: new Date(Date.now() - 86_400_000).toISOString(), before: new Date().toISOString() };

export function specs(f: Fixtures, bareDeepPages: string[] = []): Spec[] {
  const agent = () => f.agentToken;
  const get = (name: string, path: (i: number, side: "caseflow" | "bare") => string): Spec => ({ name, method: "GET", path, token: agent, bare: true });
  return [
    get("agent queue list", () => "/api/v1/support/tickets/?page_size=25"),
    get("filtered search", (i) => `/api/v1/support/tickets/?status=${nth(OPEN, i)}&search=${nth(SEARCH_WORDS, i + 7)}&ordering=sla_due_at&page_size=25`),
    get("deep cursor page", (i, side) => nth(side === "bare" ? bareDeepPages : f.deepPages, i)),
    get("SLA queue", () => "/api/v1/support/tickets/?sla_overdue=true&ordering=-sla_due_at&page_size=25"),
    // Tickets due in one day's window (a day ago to now), by deadline: the sla_due_at range
    // filter on the (sla_due_at, id) index. Caseflow only: the bare server has no range filter.
    { ...get("SLA due window", () => `/api/v1/support/tickets/?sla_due_at_after=${DUE_WINDOW.after}&sla_due_at_before=${DUE_WINDOW.before}&ordering=sla_due_at&page_size=25`), bare: false },
    // A term no subject, description or requester email holds: the whole table is the answer's cost.
    // Caseflow only: the bare server's one statement cannot plan it (its related-table arms are
    // unknown at plan time), walks the whole ordering index for 4-8 s at 1M, and leaves the
    // caches cold for the Caseflow request measured after it (+8 ms p50 measured on that request).
    { ...get("search, no hits", (i) => `/api/v1/support/tickets/?search=zq${nth(SEARCH_WORDS, i)}xj&page_size=25`), bare: false },
    // One- and two-character terms, common ones and ones no ticket holds (z, zq, qj): no
    // trigram index serves them, the grams column does (migration ticket_search_grams).
    // Caseflow only: the bare server has no such index and reads the whole table for a rare one.
    { ...get("search, 1 character", (i) => `/api/v1/support/tickets/?search=${nth(SHORT_1, i)}&page_size=25`), bare: false },
    { ...get("search, 2 characters", (i) => `/api/v1/support/tickets/?search=${nth(SHORT_2, i)}&page_size=25`), bare: false },
    ...DEEP_ORDERINGS.flatMap((o) => [
      { ...get(`page 1, ordering=${o}`, () => `/api/v1/support/tickets/?page_size=25&ordering=${o}`), bare: false },
      { ...get(`deep page, ordering=${o}`, (i) => nth(f.deepByOrdering[o], i)), bare: false },
    ]),
    get("thread fetch", (i) => `/api/v1/support/messages/?ticket=${nth(f.targets, i).id}`),
    {
      name: "message post",
      method: "POST",
      path: () => "/api/v1/support/messages/",
      // Alternate sides: agents reply (outbound), customers write on their own tickets.
      token: (i) => (i % 2 ? f.agentToken : nth(f.targets, i).userToken),
      body: (i) => ({ ticket: nth(f.targets, i).id, body: `Benchmark message ${i}: any news on this?` }),
      bare: false,
    },
  ];
}

/** The in-process form of a spec: the route handler called directly. */
export function inProcess(spec: Spec): Request {
  return (i) => {
    const path = spec.path(i, "caseflow");
    const route = path.includes("/messages/") ? messages : tickets;
    return call(spec.method === "GET" ? route.GET : route.POST, spec.method, path, spec.token(i), spec.body?.(i)).then((r) => r.status);
  };
}

export function scenarios(f: Fixtures): [string, Request][] {
  return specs(f).map((s) => [s.name, inProcess(s)]);
}
