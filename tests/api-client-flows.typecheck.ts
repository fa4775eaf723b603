import type { ApiClient } from "@/lib/api-client/client";

/**
 * The sample flows of the frontend integration guide and the CRM API summary, written against
 * the generated client. tests/api-client.test.ts compiles this file with tsc (a renamed or
 * misspelt field fails the build) and runs the flows against the real route handlers.
 */
export async function customerOpensTicket(customer: ApiClient) {
  // POST ticket with initial_message → read the thread → mark it read after viewing.
  const { data: ticket, headers } = await customer.POST("/api/v1/support/tickets/", {
    body: { subject: "Parcel arrived damaged", description: "Box crushed", initial_message: "The screen is cracked." },
    headers: { "Idempotency-Key": "open-ticket-1" },
  });
  const { data: thread } = await customer.GET("/api/v1/support/messages/", { query: { ticket: ticket.id } });
  const { data: read } = await customer.POST("/api/v1/support/tickets/{id}/mark-read/", { path: { id: ticket.id } });
  return { ticket, etag: headers.get("etag"), bodies: thread.results.map((m) => m.body), unread: read.unread_by_customer };
}

export async function agentReplies(agent: ApiClient, agentId: string, ticketId: string) {
  // PATCH the ticket to assign yourself (conditional on the version seen), then reply and note.
  const { headers } = await agent.GET("/api/v1/support/tickets/{id}/", { path: { id: ticketId } });
  const { data: assigned } = await agent.PATCH("/api/v1/support/tickets/{id}/", {
    path: { id: ticketId },
    body: { assigned_to: agentId, status: "assigned" },
    headers: { "If-Match": headers.get("etag") ?? "" },
  });
  const { data: reply } = await agent.POST("/api/v1/support/messages/", { body: { ticket: ticketId, body: "A replacement is on its way." } });
  const form = new FormData();
  form.set("ticket", ticketId);
  form.set("body", "Courier claim filed.");
  form.set("is_internal", "true");
  const { data: note } = await agent.POST("/api/v1/support/messages/", { body: form });
  const { data: timeline } = await agent.GET("/api/v1/support/events/", { query: { ticket: ticketId } });
  return { assignee: assigned.assigned_to, status: assigned.status, reply: reply.direction, note: note.is_internal, events: timeline.results.map((e) => e.type) };
}

export async function slaQueue(agent: ApiClient) {
  const { data } = await agent.GET("/api/v1/support/tickets/", { query: { sla_overdue: true, ordering: "-sla_due_at", page_size: 50 } });
  const { data: parties } = await agent.GET("/api/v1/support/ticket-parties/", { query: { tickets: data.results.map((t) => t.id).join(",") } });
  return { overdue: data.results.map((t) => t.sla_overdue), next: data.next, requesters: parties.results.map((p) => p.requester?.email ?? null) };
}

export async function crmFlow(agent: ApiClient, agentId: string) {
  const { data: created } = await agent.POST("/api/v1/tickets/", {
    body: { subject: "Zone offline in Bangkok office", description: "Offline for 2 hours", priority: "high", category: "technical", due_date: "2025-11-20T17:00:00Z" },
  });
  const { data: commented } = await agent.POST("/api/v1/tickets/{id}/add_comment/", {
    path: { id: created.id },
    body: { text: "I've restarted the device.", is_internal: false },
  });
  const { data: assigned } = await agent.POST("/api/v1/tickets/{id}/assign/", { path: { id: created.id }, body: { user_id: agentId } });
  const { data: list } = await agent.GET("/api/v1/tickets/", { query: { status: "assigned", priority: "high", open: true, ordering: "-priority" } });
  const { data: stats } = await agent.GET("/api/v1/tickets/stats/");
  return {
    number: created.ticket_number,
    comments: commented.comments.map((c) => c.text),
    status: assigned.status,
    listed: list.results.some((t) => t.id === created.id),
    total: stats.total,
  };
}

/** Never called: each line must fail to compile, or tsc reports the unused directive. */
export async function wrongFieldNamesDoNotCompile(agent: ApiClient, id: string) {
  // @ts-expect-error the filter is sla_overdue
  await agent.GET("/api/v1/support/tickets/", { query: { overdue: true } });
  // @ts-expect-error the create field is initial_message
  await agent.POST("/api/v1/support/tickets/", { body: { subject: "x", first_message: "y" } });
  // @ts-expect-error assign takes user_id
  await agent.POST("/api/v1/tickets/{id}/assign/", { path: { id }, body: { user: id } });
  // @ts-expect-error a CRM comment is text, not body
  await agent.POST("/api/v1/tickets/{id}/add_comment/", { path: { id }, body: { body: "x" } });
  // @ts-expect-error the ticket id is a path parameter
  await agent.GET("/api/v1/support/tickets/{id}/");
  const { data } = await agent.GET("/api/v1/support/tickets/{id}/", { path: { id } });
  // @ts-expect-error the CRM name for the SLA due time is not a support field
  return data.due_date;
}
