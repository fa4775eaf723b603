import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { supportApi } from "./api";
import { makeUser, type TestUser } from "./cast";

/** Test data made through the real API (or, for what no API creates, straight in the database). */
type U = { token: string } | null;

/** Opens a ticket through the support API and fails the test unless it is created. */
export async function newTicket(user: U, body: Record<string, unknown> = {}) {
  const r = await supportApi.createTicket(user, { subject: "Where is my order?", initial_message: "Hello, it has not arrived.", ...body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as Record<string, any>;
}

/** A customer's ticket as the notification tests need it: id, number and subject. */
export async function openTicket(customer: TestUser, subject = "Refund for order #10482", body = "Where is my refund?") {
  const t = await newTicket(customer, { subject, initial_message: body });
  return { id: t.id as string, number: t.ticket_number as string, subject: t.subject as string };
}

/** A new customer's ticket, assigned to a new agent (names as they appear in the emails). */
export async function openAssignedTicket() {
  const customer = await makeUser({ name: "Dana Whitfield" });
  const agent = await makeUser({ role: "customer_service", name: "Sam Ortega" });
  const t = await openTicket(customer);
  const a = await supportApi.patchTicket(agent, t.id, { assigned_to: agent.id });
  expect(a.status, a.text).toBe(200);
  return { customer, agent, t };
}

/** Posts a message (or, with isInternal, an internal note) to a ticket through the support API. */
export function postMessage(user: TestUser, ticketId: string, body: string, isInternal = false) {
  return supportApi.postMessage(user, { ticket: ticketId, body, ...(isInternal ? { is_internal: true } : {}) });
}

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

/** 12 bytes that start with the PNG signature: enough for the upload's type sniffing. */
export function pngFile(name = "shot.png"): File {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  return new File([bytes], name, { type: "image/png" });
}

/** The email outbox, oldest first. */
export async function outbox(where: Record<string, unknown> = {}) {
  const prisma = await db();
  return prisma.notification.findMany({ where, orderBy: { createdAt: "asc" } });
}

/** Clears the outbox between cases so counts are about one action. */
export async function clearOutbox() {
  const prisma = await db();
  await prisma.notification.deleteMany({});
  await prisma.localMail.deleteMany({});
}
