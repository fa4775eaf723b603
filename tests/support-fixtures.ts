import { expect } from "vitest";
import * as ticketsRoute from "@/app/api/v1/support/tickets/route";
import * as ticketRoute from "@/app/api/v1/support/tickets/[id]/route";
import * as markReadRoute from "@/app/api/v1/support/tickets/[id]/mark-read/route";
import * as messagesRoute from "@/app/api/v1/support/messages/route";
import * as eventsRoute from "@/app/api/v1/support/events/route";
import * as attachmentRoute from "@/app/api/v1/support/attachments/[id]/route";
import { call, type CallOpts } from "./helpers";

/** Thin wrappers over the real support API route handlers. */
type U = { token: string } | null;
const h = (f: unknown) => f as Parameters<typeof call>[0];

export const api = {
  listTickets: (user: U, query: CallOpts["query"] = {}) =>
    call(h(ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { user, query }),
  listTicketsPath: (user: U, path: string) => call(h(ticketsRoute.GET), "GET", path, { user }),
  createTicket: (user: U, body: unknown, extra: Partial<CallOpts> = {}) =>
    call(h(ticketsRoute.POST), "POST", "/api/v1/support/tickets/", { user, body, ...extra }),
  getTicket: (user: U, id: string) =>
    call(h(ticketRoute.GET), "GET", `/api/v1/support/tickets/${id}/`, { user, params: { id } }),
  patchTicket: (user: U, id: string, body: unknown, headers: Record<string, string> = {}) =>
    call(h(ticketRoute.PATCH), "PATCH", `/api/v1/support/tickets/${id}/`, { user, body, headers, params: { id } }),
  markRead: (user: U, id: string) =>
    call(h(markReadRoute.POST), "POST", `/api/v1/support/tickets/${id}/mark-read/`, { user, params: { id } }),
  listMessages: (user: U, query: CallOpts["query"] = {}) =>
    call(h(messagesRoute.GET), "GET", "/api/v1/support/messages/", { user, query }),
  postMessage: (user: U, body: unknown) =>
    call(h(messagesRoute.POST), "POST", "/api/v1/support/messages/", { user, body }),
  postMessageForm: (user: U, form: FormData) =>
    call(h(messagesRoute.POST), "POST", "/api/v1/support/messages/", { user, form }),
  listEvents: (user: U, query: CallOpts["query"] = {}) =>
    call(h(eventsRoute.GET), "GET", "/api/v1/support/events/", { user, query }),
  download: (user: U, id: string) =>
    call(h(attachmentRoute.GET), "GET", `/api/v1/support/attachments/${id}/`, { user, params: { id } }),
};

export const routes = { ticketsRoute, ticketRoute, markReadRoute, messagesRoute, eventsRoute, attachmentRoute };

export async function newTicket(user: U, body: Record<string, unknown> = {}) {
  const r = await api.createTicket(user, { subject: "Where is my order?", initial_message: "Hello, it has not arrived.", ...body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as Record<string, any>;
}
