import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./support/db";
import { makeCast, makeUser, type TestUser } from "./support/cast";
import { crmApi, crmComments, supportApi as support } from "./support/api";
import { makeCompany, makeContact } from "./support/fixtures";

useTestDb();

let admin: TestUser, agent: TestUser, cust: TestUser;
beforeAll(async () => {
  ({ admin, agent, customer: cust } = await makeCast());
});

describe("one ticket, two APIs", () => {
  it("a support-API ticket is read, commented, assigned and closed through the CRM API", async () => {
    const created = await support.createTicket(cust, { subject: "Zone offline", initial_message: "Since 9am" });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await support.postMessage(agent, { ticket: id, body: "Looking into it" })).status).toBe(201);

    // Read through the CRM. The agent's first reply took the unassigned ticket (AUTO_ASSIGN_ON_REPLY).
    const read = await crmApi.get(agent, id);
    expect(read.json).toMatchObject({
      ticket_number: created.json.ticket_number,
      subject: "Zone offline",
      status: "assigned",
      assigned_to: agent.id,
      due_date: created.json.sla_due_at,
      created_by: cust.id,
      created_by_name: "Cathy Customer",
      comments_count: 2,
      internal_notes_count: 0,
    });
    expect(read.json.comments.map((c: any) => [c.text, c.author_role])).toEqual([["Since 9am", "customer"], ["Looking into it", "customer_service"]]);
    expect(read.json.first_response_at).not.toBeNull();

    // Comment through the CRM: the customer's unread counter moves and the message is in the support thread.
    const before = (await support.getTicket(cust, id)).json.unread_by_customer;
    await crmApi.comment(agent, id, { text: "Restarted the device" });
    await crmApi.comment(agent, id, { text: "Device firmware is old", is_internal: true });
    const afterComment = (await support.getTicket(cust, id)).json;
    expect(afterComment.unread_by_customer).toBe(before + 1);
    expect((await support.listMessages(cust, { ticket: id })).json.results.map((m: any) => m.body)).toEqual(["Since 9am", "Looking into it", "Restarted the device"]);
    const agentView = (await support.listMessages(agent, { ticket: id })).json.results;
    expect(agentView.map((m: any) => [m.body, m.is_internal, m.direction])).toContainEqual(["Device firmware is old", true, "outbound"]);

    // Assign through the CRM.
    const assigned = await crmApi.assign(agent, id, { user_id: agent.id });
    expect(assigned.json.status).toBe("assigned");
    const sAssigned = (await support.getTicket(agent, id)).json;
    expect(sAssigned).toMatchObject({ assigned_to: agent.id, status: "assigned" });

    // Close through the CRM.
    const closed = await crmApi.patch(agent, id, { status: "closed" });
    expect(closed.status).toBe(200);
    const sClosed = (await support.getTicket(cust, id)).json;
    expect(sClosed.status).toBe("closed");
    expect(sClosed.closed_at).toBe(closed.json.closed_at);
    expect(sClosed.resolved_at).toBe(closed.json.resolved_at);
    expect(sClosed.closed_at).not.toBeNull();

    // The timeline shows every change; the customer does not see the internal note's event.
    const agentEvents = (await support.listEvents(agent, { ticket: id })).json.results.map((e: any) => e.type);
    for (const t of ["ticket_created", "message_created", "internal_note_created", "assignment_changed", "status_changed"]) {
      expect(agentEvents).toContain(t);
    }
    const custEvents = (await support.listEvents(cust, { ticket: id })).json.results.map((e: any) => e.type);
    expect(custEvents).not.toContain("internal_note_created");
    const statusEvents = (await support.listEvents(agent, { ticket: id })).json.results.filter((e: any) => e.type === "status_changed").map((e: any) => e.data.to);
    expect(statusEvents.reverse()).toEqual(["assigned", "closed"]);

    // The customer reads (support) and replies (support): the CRM sees the reopened ticket.
    expect((await support.markRead(cust, id)).json.unread_by_customer).toBe(0);
    await support.postMessage(cust, { ticket: id, body: "It's down again" });
    const reopened = (await crmApi.get(agent, id)).json;
    expect(reopened).toMatchObject({ status: "in_progress", closed_at: null, resolved_at: null, comments_count: 4, internal_notes_count: 1 });
    expect((await support.getTicket(agent, id)).json.unread_by_agent).toBeGreaterThan(0);
  });

  it("a CRM ticket is consistent and editable through the support API", async () => {
    const cust = await makeUser({ name: "Cathy Customer" }); // no contact yet: the CRM links one
    const company = await makeCompany("Hilton Pattaya");
    const contact = await makeContact("Cathy Customer", company.id, cust.id);
    const t = (
      await crmApi.create(agent, { subject: "Billing question", category: "billing", contact: contact.id, due_date: "2030-01-01T12:00:00Z", tags: "vip, invoice" })
    ).json;
    expect(t).toMatchObject({ company: company.id, company_name: "Hilton Pattaya", assigned_team: "Finance" });

    // The contact's user is the requester: the customer sees it in the support API.
    const s = await support.getTicket(cust, t.id);
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ ticket_number: t.ticket_number, sla_due_at: "2030-01-01T12:00:00.000Z", tags: ["vip", "invoice"], category: "billing", contact: contact.id, user: cust.id, channel: "api" });
    expect((await support.createTicket(cust, { subject: "x" })).status).toBe(201);

    // Support-side edits show up in the CRM.
    expect((await support.patchTicket(agent, t.id, { priority: "urgent", sla_due_at: null, tags: ["vip"] })).status).toBe(200);
    await support.postMessage(cust, { ticket: t.id, body: "Please hurry" });
    const crmView = (await crmApi.get(agent, t.id)).json;
    expect(crmView).toMatchObject({ priority: "urgent", due_date: null, tags: "vip", comments_count: 1, first_response_at: null });
    expect(crmView.comments[0]).toMatchObject({ text: "Please hurry", author: cust.id, author_role: "customer" });
    expect((await support.getTicket(agent, t.id)).json.unread_by_agent).toBe(1);

    // CRM comment edits and deletes show up in the support thread and its counters.
    const reply = (await crmApi.comment(agent, t.id, { text: "On it" })).json.comments.at(-1);
    const edit = await crmComments.patch(agent, reply.id, { text: "On it now" });
    expect(edit.status).toBe(200);
    expect((await support.listMessages(cust, { ticket: t.id })).json.results.map((m: any) => m.body)).toEqual(["Please hurry", "On it now"]);
    expect((await support.getTicket(cust, t.id)).json.unread_by_customer).toBe(1);
    const del = await crmComments.del(agent, reply.id);
    expect(del.status).toBe(204);
    expect((await support.listMessages(cust, { ticket: t.id })).json.results.map((m: any) => m.body)).toEqual(["Please hurry"]);
    expect((await support.getTicket(cust, t.id)).json.unread_by_customer).toBe(0);

    // The support list and the CRM list agree on who sees what.
    const sList = await support.listTickets(cust);
    const cList = await crmApi.list(cust);
    expect(cList.json.results.map((x: any) => x.id).sort()).toEqual(sList.json.results.map((x: any) => x.id).sort());
  });

  it("statuses and priorities mean the same in both APIs", async () => {
    const t = (await crmApi.create(admin, { subject: "vocab" })).json;
    for (const status of ["assigned", "in_progress", "pending", "resolved", "closed", "new"]) {
      await crmApi.patch(admin, t.id, { status });
      expect((await support.getTicket(admin, t.id)).json.status).toBe(status);
    }
    for (const priority of ["low", "medium", "high", "urgent"]) {
      await support.patchTicket(admin, t.id, { priority });
      expect((await crmApi.get(admin, t.id)).json.priority).toBe(priority);
    }
  });
});
