import { db } from "@/lib/db/client";
import * as tickets from "@/app/api/v1/tickets/route";
import * as ticket from "@/app/api/v1/tickets/[id]/route";
import * as addComment from "@/app/api/v1/tickets/[id]/add_comment/route";
import * as assign from "@/app/api/v1/tickets/[id]/assign/route";
import * as stats from "@/app/api/v1/tickets/stats/route";
import * as comments from "@/app/api/v1/ticket-comments/route";
import * as comment from "@/app/api/v1/ticket-comments/[id]/route";
import * as attachments from "@/app/api/v1/ticket-attachments/route";
import * as attachment from "@/app/api/v1/ticket-attachments/[id]/route";
import { call, type CallOpts } from "./helpers";

/** The CRM routes, called the way Next calls them. */
export const crm = { tickets, ticket, addComment, assign, stats, comments, comment, attachments, attachment };

type User = { token: string };
const h = (x: unknown) => x as Parameters<typeof call>[0];

export const crmApi = {
  list: (user: User | null, query: CallOpts["query"] = {}) => call(h(tickets.GET), "GET", "/api/v1/tickets/", { user, query }),
  create: (user: User | null, body: unknown) => call(h(tickets.POST), "POST", "/api/v1/tickets/", { user, body }),
  get: (user: User | null, id: string) => call(h(ticket.GET), "GET", `/api/v1/tickets/${id}/`, { user, params: { id } }),
  patch: (user: User | null, id: string, body: unknown, headers?: Record<string, string>) =>
    call(h(ticket.PATCH), "PATCH", `/api/v1/tickets/${id}/`, { user, body, params: { id }, headers }),
  del: (user: User | null, id: string) => call(h(ticket.DELETE), "DELETE", `/api/v1/tickets/${id}/`, { user, params: { id } }),
  comment: (user: User | null, id: string, body: unknown) =>
    call(h(addComment.POST), "POST", `/api/v1/tickets/${id}/add_comment/`, { user, body, params: { id } }),
  assign: (user: User | null, id: string, body: unknown) =>
    call(h(assign.POST), "POST", `/api/v1/tickets/${id}/assign/`, { user, body, params: { id } }),
  stats: (user: User | null) => call(h(stats.GET), "GET", "/api/v1/tickets/stats/", { user }),
};

export async function makeCompany(name: string) {
  const prisma = await db();
  return prisma.company.create({ data: { name } });
}

export async function makeContact(name: string, companyId: string | null, userId: string | null = null) {
  const prisma = await db();
  return prisma.contact.create({
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}${Math.random()}@example.test`, companyId, userId },
  });
}

export function pngFile(name = "shot.png"): File {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  return new File([bytes], name, { type: "image/png" });
}
