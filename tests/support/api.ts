import * as ticketsRoute from "@/app/api/v1/support/tickets/route";
import * as ticketRoute from "@/app/api/v1/support/tickets/[id]/route";
import * as markReadRoute from "@/app/api/v1/support/tickets/[id]/mark-read/route";
import * as messagesRoute from "@/app/api/v1/support/messages/route";
import * as eventsRoute from "@/app/api/v1/support/events/route";
import * as attachmentRoute from "@/app/api/v1/support/attachments/[id]/route";
import * as tickets from "@/app/api/v1/tickets/route";
import * as ticket from "@/app/api/v1/tickets/[id]/route";
import * as addComment from "@/app/api/v1/tickets/[id]/add_comment/route";
import * as assign from "@/app/api/v1/tickets/[id]/assign/route";
import * as stats from "@/app/api/v1/tickets/stats/route";
import * as comments from "@/app/api/v1/ticket-comments/route";
import * as comment from "@/app/api/v1/ticket-comments/[id]/route";
import * as attachments from "@/app/api/v1/ticket-attachments/route";
import * as attachment from "@/app/api/v1/ticket-attachments/[id]/route";
import { call, handler as h, type CallOpts } from "./http";

/** Thin wrappers over the real route handlers of both APIs, called the way Next calls them. */
type U = { token: string } | null;
type Query = CallOpts["query"];

/** The support API's route modules, for methods the wrappers below do not cover. */
export const supportRoutes = { ticketsRoute, ticketRoute, markReadRoute, messagesRoute, eventsRoute, attachmentRoute };

export const supportApi = {
  listTickets: (user: U, query: Query = {}) => call(h(ticketsRoute.GET), "GET", "/api/v1/support/tickets/", { user, query }),
  listTicketsPath: (user: U, path: string) => call(h(ticketsRoute.GET), "GET", path, { user }),
  createTicket: (user: U, body: unknown, extra: Partial<CallOpts> = {}) =>
    call(h(ticketsRoute.POST), "POST", "/api/v1/support/tickets/", { user, body, ...extra }),
  getTicket: (user: U, id: string) => call(h(ticketRoute.GET), "GET", `/api/v1/support/tickets/${id}/`, { user, params: { id } }),
  patchTicket: (user: U, id: string, body: unknown, headers: Record<string, string> = {}) =>
    call(h(ticketRoute.PATCH), "PATCH", `/api/v1/support/tickets/${id}/`, { user, body, headers, params: { id } }),
  markRead: (user: U, id: string) =>
    call(h(markReadRoute.POST), "POST", `/api/v1/support/tickets/${id}/mark-read/`, { user, params: { id } }),
  listMessages: (user: U, query: Query = {}) => call(h(messagesRoute.GET), "GET", "/api/v1/support/messages/", { user, query }),
  postMessage: (user: U, body: unknown) => call(h(messagesRoute.POST), "POST", "/api/v1/support/messages/", { user, body }),
  postMessageForm: (user: U, form: FormData) => call(h(messagesRoute.POST), "POST", "/api/v1/support/messages/", { user, form }),
  listEvents: (user: U, query: Query = {}) => call(h(eventsRoute.GET), "GET", "/api/v1/support/events/", { user, query }),
  download: (user: U, id: string) =>
    call(h(attachmentRoute.GET), "GET", `/api/v1/support/attachments/${id}/`, { user, params: { id } }),
};

/** The CRM API's route modules, for methods the wrappers below do not cover. */
export const crm = { tickets, ticket, addComment, assign, stats, comments, comment, attachments, attachment };

export const crmApi = {
  list: (user: U, query: Query = {}) => call(h(tickets.GET), "GET", "/api/v1/tickets/", { user, query }),
  create: (user: U, body: unknown) => call(h(tickets.POST), "POST", "/api/v1/tickets/", { user, body }),
  get: (user: U, id: string) => call(h(ticket.GET), "GET", `/api/v1/tickets/${id}/`, { user, params: { id } }),
  patch: (user: U, id: string, body: unknown, headers?: Record<string, string>) =>
    call(h(ticket.PATCH), "PATCH", `/api/v1/tickets/${id}/`, { user, body, params: { id }, headers }),
  del: (user: U, id: string) => call(h(ticket.DELETE), "DELETE", `/api/v1/tickets/${id}/`, { user, params: { id } }),
  comment: (user: U, id: string, body: unknown) =>
    call(h(addComment.POST), "POST", `/api/v1/tickets/${id}/add_comment/`, { user, body, params: { id } }),
  assign: (user: U, id: string, body: unknown) =>
    call(h(assign.POST), "POST", `/api/v1/tickets/${id}/assign/`, { user, body, params: { id } }),
  stats: (user: U) => call(h(stats.GET), "GET", "/api/v1/tickets/stats/", { user }),
};

/** /api/v1/ticket-comments/ */
export const crmComments = {
  list: (user: U, query: Query = {}) => call(h(comments.GET), "GET", "/api/v1/ticket-comments/", { user, query }),
  create: (user: U, body: unknown) => call(h(comments.POST), "POST", "/api/v1/ticket-comments/", { user, body }),
  get: (user: U, id: string) => call(h(comment.GET), "GET", `/api/v1/ticket-comments/${id}/`, { user, params: { id } }),
  patch: (user: U, id: string, body: unknown) =>
    call(h(comment.PATCH), "PATCH", `/api/v1/ticket-comments/${id}/`, { user, body, params: { id } }),
  del: (user: U, id: string) => call(h(comment.DELETE), "DELETE", `/api/v1/ticket-comments/${id}/`, { user, params: { id } }),
};

/** /api/v1/ticket-attachments/ */
export const crmAttachments = {
  upload: (user: U, fields: Record<string, string | File>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return call(h(attachments.POST), "POST", "/api/v1/ticket-attachments/", { user, form });
  },
  get: (user: U, id: string) => call(h(attachment.GET), "GET", `/api/v1/ticket-attachments/${id}/`, { user, params: { id } }),
  del: (user: U, id: string) => call(h(attachment.DELETE), "DELETE", `/api/v1/ticket-attachments/${id}/`, { user, params: { id } }),
};
