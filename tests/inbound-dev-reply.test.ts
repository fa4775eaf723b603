import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { DevMailbox } from "@/app/dev/mailbox/dev-mailbox";
import { db } from "@/lib/db/client";
import { replyToLocalMail } from "@/lib/inbound/dev-reply";
import { localTransport } from "@/lib/notifications/transports/local";
import { drainOutbox } from "@/lib/notifications/worker";
import { useTestDb } from "./support/db";
import { clearOutbox, openAssignedTicket, postMessage } from "./support/fixtures";
import { setInboundEnv } from "./support/mail";

// The dev mailbox's "Reply as the customer" goes through the real inbound pipeline.
useTestDb();
beforeAll(setInboundEnv);

describe("dev mailbox: reply as the customer", () => {
  it("threads the reply into the ticket, quoted history stripped", async () => {
    const { customer, agent, t } = await openAssignedTicket();
    await clearOutbox();
    expect((await postMessage(agent, t.id, "Could you send a photo?")).status).toBe(201);
    await drainOutbox({ transport: localTransport() });
    const prisma = await db();
    const mail = await prisma.localMail.findFirstOrThrow({ where: { to: customer.email } });
    const page = renderToStaticMarkup(await DevMailbox({ actor: agent, query: { id: mail.id, replied: "processed: replied" } }));
    expect(page).toContain("Reply as the customer");
    expect(page).toContain(`name="id" value="${mail.id}"`);
    expect(page).toContain("Inbound: processed: replied");
    const r = await replyToLocalMail(mail.id, "Photo is on its way.");
    expect(r).toEqual({ status: "processed", outcome: "replied (matched by token)" });
    const last = await prisma.message.findFirstOrThrow({ where: { ticketId: t.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ body: "Photo is on its way.", authorId: customer.id, direction: "inbound" });
  });

  it("a mail that belongs to no ticket is refused with a reason", async () => {
    const prisma = await db();
    const m = await prisma.localMail.create({ data: { to: "a@b.test", from: "x@y.test", subject: "s", html: "", text: "t" } });
    expect(await replyToLocalMail(m.id, "hi")).toEqual({ status: "dead", outcome: "this mail belongs to no ticket" });
  });
});
