import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { automatedReason, parseMail, PermanentInboundError } from "@/lib/inbound/parse-mail";
import { extractReply } from "@/lib/inbound/extract-reply";
import { drainInbox } from "@/lib/inbound/worker";
import { useTestDb } from "./support/db";
import { withEnv } from "./support/env-override";
import { inboxRows, postMime, setInboundEnv } from "./support/mail";

// Real-world-shaped mail from the clients customers use: each parses to the text a person
// typed, or is refused with a clear reason, and none of them crashes the pipeline.
useTestDb();

const DIR = path.join(import.meta.dirname, "fixtures/mail");
const OWN = { addresses: ["notify@caseflow.test", "support@caseflow.test"], domain: "reply.caseflow.test" };

type Row = { file: string; text?: string; contains?: string[]; ignored?: RegExp; dead?: RegExp; attachments?: [string, boolean][] };
const CORPUS: Row[] = [
  { file: "gmail-reply.eml", text: "Thanks, the refund arrived today." },
  { file: "outlook-desktop-reply.eml", text: "Hello,\n\nThe package has still not arrived. Could you check with the courier?\n\nKind regards,\nDana" },
  { file: "outlook-web-html-only.eml", text: "Please close the ticket, all good now." },
  { file: "outlook-android-reply.eml", text: "Will do, I'll send the photo tonight." },
  { file: "apple-mail-reply.eml", text: "Great, thank you – I got it." },
  { file: "iphone-reply.eml", text: "Ok thanks!" },
  { file: "yahoo-android-reply.eml", text: "Yes, the address is correct." },
  { file: "german-outlook-reply.eml", text: "Vielen Dank, das Ersatzteil ist da." },
  { file: "html-only-newsletter-style.eml", text: "Hello,\n\nMy order 5521 arrived with a broken lid.\n\nCan you send a replacement?" },
  { file: "forwarded-gmail.eml", contains: ["Please see the message from our accountant below.", "---------- Forwarded message ---------", "Why was invoice 2291 charged twice?"] },
  { file: "iso-8859-1-qp.eml", text: "Guten Tag,\n\ndie Lieferung ist beschädigt angekommen. Grüße aus München!\n\nJürgen Öztürk" },
  { file: "windows-1252-outlook.eml", text: "Hi,\n\nI was charged €49.90 twice – “premium plan”. Please refund one.\n\nThanks" },
  { file: "utf8-encoded-subject.eml", text: "Здравствуйте! Заказ 7781 так и не пришёл." },
  { file: "signature-dash.eml", text: "How do I rotate our API key without downtime?" },
  { file: "inline-image-apple.eml", text: "This error shows up at checkout:", attachments: [["screenshot.png", true]] },
  { file: "big-attachment.eml", text: "Here is the scanned contract.", attachments: [["contract.pdf", false]] },
  { file: "new-request-with-pdf.eml", text: "Invoice attached. We were charged twice.", attachments: [["invoice-2291.pdf", false], ["setup.exe", false]] },
  { file: "malformed-missing-boundary.eml", text: "" },
  { file: "bounce-dsn.eml", ignored: /delivery report \(bounce\)/ },
  { file: "bounce-no-auto-submitted.eml", ignored: /automated sender postmaster@/ },
  { file: "out-of-office.eml", ignored: /Auto-Submitted: auto-replied/ },
  { file: "precedence-bulk.eml", ignored: /Precedence: bulk/ },
  { file: "mailing-list.eml", ignored: /Precedence: list/ },
  { file: "no-from-header.eml", dead: /no sender address/ },
  { file: "garbage-not-mime.eml", dead: /no sender address/ },
];

describe("inbound email: corpus", () => {
  it("covers every file in the fixtures folder", () => {
    expect(CORPUS.map((r) => r.file).sort()).toEqual(fs.readdirSync(DIR).filter((f) => f.endsWith(".eml")).sort());
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CORPUS)("$file", async (row) => {
    const raw = new Uint8Array(fs.readFileSync(path.join(DIR, row.file)));
    if (row.dead) {
      await expect(parseMail(raw)).rejects.toThrow(PermanentInboundError);
      await expect(parseMail(raw)).rejects.toThrow(row.dead);
      return;
    }
    const m = await parseMail(raw);
    const reason = automatedReason(m, OWN);
    if (row.ignored) {
      expect(reason).toMatch(row.ignored);
      return;
    }
    expect(reason).toBeNull();
    if (row.text !== undefined) expect(m.text).toBe(row.text);
    for (const part of row.contains ?? []) expect(m.text).toContain(part);
    expect(m.attachments.map((a) => [a.name, a.inline])).toEqual(row.attachments ?? []);
  });

  it("the whole corpus through the MIME endpoint ends processed, ignored or dead-lettered with a reason", async () => {
    setInboundEnv();
    await withEnv({ UPLOAD_MAX_FILE_MB: "1" }, async () => {
      for (const row of CORPUS) {
        const res = await postMime(new Uint8Array(fs.readFileSync(path.join(DIR, row.file))));
        expect([200, 202], row.file).toContain(res.status);
      }
      const r = await drainInbox();
      expect(r.retried).toBe(0);
    });
    const rows = await inboxRows();
    expect(rows.filter((r) => r.status === "pending")).toEqual([]);
    for (const r of rows) {
      if (r.status === "dead") expect(r.lastError).toMatch(/PermanentInboundError: no sender address/);
      else expect(r.outcome).toBeTruthy();
    }
    expect(rows.filter((r) => r.status === "dead")).toHaveLength(2);
    const byId = (id: string) => rows.find((r) => r.messageId === id)!;
    // Too big for the upload limit, and an executable: left out and named, the text is kept.
    const { db } = await import("@/lib/db/client");
    const prisma = await db();
    const big = await prisma.message.findUniqueOrThrow({ where: { id: byId("big-0011@customer.test").postedMessageId! }, include: { attachments: true } });
    expect(big.body).toMatch(/^Here is the scanned contract\.\n\n\[Attachments not accepted: contract\.pdf \(is larger than 1 MB\.\)\]$/);
    const pdf = await prisma.message.findUniqueOrThrow({ where: { id: byId("pdf-0025@agency.test").postedMessageId! }, include: { attachments: true } });
    expect(pdf.attachments.map((a) => a.name)).toEqual(["invoice-2291.pdf"]);
    expect(pdf.body).toContain("setup.exe (has an unsupported type.");
    expect(byId("malformed-0012@customer.test")).toMatchObject({ status: "ignored", outcome: "no new text or attachments in the message" });
    const inline = await prisma.message.findUniqueOrThrow({ where: { id: byId("inline-0020@customer.test").postedMessageId! }, include: { attachments: true } });
    expect(inline.attachments.map((a) => [a.name, a.contentType])).toEqual([["screenshot.png", "image/png"]]);
  });
});

describe("inbound email: fuzz", () => {
  it("arbitrary bytes and mangled headers are never a 500 and never leave the worker stuck", async () => {
    setInboundEnv();
    const header = fc.constantFrom("From: a@b.test\r\n", "From: <>\r\n", "Content-Type: multipart/mixed; boundary=\r\n", "Subject: =?UTF-8?B?@@@?=\r\n", "Content-Transfer-Encoding: base64\r\n", "");
    const body = fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("latin1")));
    await fc.assert(
      fc.asyncProperty(fc.array(header, { maxLength: 4 }), body, async (hs, b) => {
        const res = await postMime(Buffer.from(hs.join("") + "\r\n" + b, "latin1"));
        expect([200, 202, 400]).toContain(res.status);
      }),
      { numRuns: 40 },
    );
    const r = await drainInbox();
    expect(r.retried).toBe(0);
    expect((await inboxRows()).filter((x) => x.status === "pending")).toEqual([]);
  });
});

describe("extractReply", () => {
  it.each([
    ["plain text stays", "Just a question.", "Just a question."],
    ["quoted lines go", "Yes.\n> old\n> older", "Yes."],
    ["attribution over two lines", "New.\n\nOn Mon, Nov 23, 2026 at 9:14 AM Support <s@x.test>\nwrote:\n> old", "New."],
    ["French attribution", "Merci.\n\nLe lun. 23 nov. 2026 à 09:14, Support <s@x.test> a écrit :\n> vieux", "Merci."],
    ["original message marker", "Fine.\n-----Original Message-----\nFrom: x", "Fine."],
    ["signature", "Body\n-- \nJane\nACME", "Body"],
    ["mobile footer", "Sure\n\nSent from my iPhone", "Sure"],
    ["a From: line alone is text", "From: my side it works now.", "From: my side it works now."],
  ])("%s", (_name, input, expected) => {
    expect(extractReply(input)).toBe(expected);
  });
});
