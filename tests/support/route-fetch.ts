import { NextRequest } from "next/server";
import * as schema from "@/app/api/v1/schema/route";
import * as token from "@/app/api/v1/auth/token/route";
import * as tokenRefresh from "@/app/api/v1/auth/token/refresh/route";
import * as supportTickets from "@/app/api/v1/support/tickets/route";
import * as supportTicket from "@/app/api/v1/support/tickets/[id]/route";
import * as markRead from "@/app/api/v1/support/tickets/[id]/mark-read/route";
import * as messages from "@/app/api/v1/support/messages/route";
import * as events from "@/app/api/v1/support/events/route";
import * as attachment from "@/app/api/v1/support/attachments/[id]/route";
import * as preferences from "@/app/api/v1/support/notification-preferences/route";
import * as parties from "@/app/api/v1/support/ticket-parties/route";
import * as crmTickets from "@/app/api/v1/tickets/route";
import * as crmTicket from "@/app/api/v1/tickets/[id]/route";
import * as crmStats from "@/app/api/v1/tickets/stats/route";
import * as addComment from "@/app/api/v1/tickets/[id]/add_comment/route";
import * as assign from "@/app/api/v1/tickets/[id]/assign/route";
import * as comments from "@/app/api/v1/ticket-comments/route";
import * as comment from "@/app/api/v1/ticket-comments/[id]/route";
import * as attachments from "@/app/api/v1/ticket-attachments/route";
import * as crmAttachment from "@/app/api/v1/ticket-attachments/[id]/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// The app's route table: folder pattern → route module, as Next resolves it (static segments first).
const ROUTES: [string, Record<string, unknown>][] = [
  ["/api/v1/schema/", schema],
  ["/api/v1/auth/token/", token],
  ["/api/v1/auth/token/refresh/", tokenRefresh],
  ["/api/v1/support/tickets/", supportTickets],
  ["/api/v1/support/tickets/[id]/", supportTicket],
  ["/api/v1/support/tickets/[id]/mark-read/", markRead],
  ["/api/v1/support/messages/", messages],
  ["/api/v1/support/events/", events],
  ["/api/v1/support/attachments/[id]/", attachment],
  ["/api/v1/support/notification-preferences/", preferences],
  ["/api/v1/support/ticket-parties/", parties],
  ["/api/v1/tickets/", crmTickets],
  ["/api/v1/tickets/stats/", crmStats],
  ["/api/v1/tickets/[id]/", crmTicket],
  ["/api/v1/tickets/[id]/add_comment/", addComment],
  ["/api/v1/tickets/[id]/assign/", assign],
  ["/api/v1/ticket-comments/", comments],
  ["/api/v1/ticket-comments/[id]/", comment],
  ["/api/v1/ticket-attachments/", attachments],
  ["/api/v1/ticket-attachments/[id]/", crmAttachment],
];

const TABLE = ROUTES.map(([pattern, mod]) => ({
  re: new RegExp(`^${pattern.replace(/\[id\]/g, "(?<id>[^/]+)")}$`),
  mod,
}));

/**
 * A fetch that serves requests from the real route handlers in-process, so a client (the
 * generated one included) can be tested end to end without a server.
 */
export async function routeFetch(input: Request): Promise<Response> {
  const url = new URL(input.url);
  for (const { re, mod } of TABLE) {
    const m = re.exec(url.pathname);
    if (!m) continue;
    const handler = mod[input.method] as Handler | undefined;
    if (!handler) return Response.json({ detail: `Method "${input.method}" not allowed.` }, { status: 405 });
    const body = input.method === "GET" || input.method === "HEAD" ? undefined : await input.arrayBuffer();
    const req = new NextRequest(url, { method: input.method, headers: input.headers, body });
    return handler(req, { params: Promise.resolve({ ...m.groups }) });
  }
  return Response.json({ detail: "Not found." }, { status: 404 });
}
