import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { literal } from "@/lib/domain/tickets/search-matches";
import { shortTermGram } from "@/lib/domain/tickets/list-tickets";
import { useTestDb } from "./support/db";
import { makeCast, makeUser, type TestUser } from "./support/cast";
import { crmApi, supportApi } from "./support/api";
import { makeCompany } from "./support/fixtures";

useTestDb();

/**
 * Search terms of one or two characters are looked up in tickets.search_grams (a generated
 * column with a GIN index) before the ILIKE decides. The grams may only ever narrow the
 * candidates: every term must find exactly what a plain ILIKE over the same fields finds,
 * which the database itself answers here (DRF SearchFilter semantics, as PostgreSQL sees them).
 */
let admin: TestUser, agent: TestUser;

const TEXTS: [string, string][] = [
  ["Refund for ORDER #10482", "Kettle arrived cracked."],
  ["Login: 2FA fails", "Code 'x9' rejected; see the café menu"],
  ["配送の遅れ", "注文番号 A-7 について"],
  ["Straße closed", "Multi\nline\ttext, (zq-free) 100%_done \\ back"],
  ["Emoji 🎉 party", "Über ÉCOLE naïve"],
  ["qx", "y"],
];

beforeAll(async () => {
  ({ admin, agent } = await makeCast());
  const company = await makeCompany("Öko Hq");
  const customer = await makeUser({ email: `jq-${Date.now()}@mail.test` });
  for (const [i, [subject, description]] of TEXTS.entries()) {
    const r = await crmApi.create(i % 2 ? admin : customer, { subject, description, ...(i % 2 ? { company: company.id } : {}) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
});

/** Every one- and two-character piece of the texts (by code point), in both cases, and some absent ones. */
function terms(): string[] {
  const out = new Set<string>(["zz", "z", "%", "_", "\\", "%_", "é", "É", "ß", "SS", "🎉", "の", "遅れ", "7", "#1", "-7", "hq", "ö", "Ö"]);
  for (const [s, d] of TEXTS) {
    for (const text of [s, d]) {
      const cs = [...text].filter((c) => !/\s/.test(c));
      cs.forEach((c, i) => {
        out.add(c);
        out.add(c.toUpperCase());
        if (i + 1 < cs.length) out.add(c + cs[i + 1]);
      });
    }
  }
  // A comma separates terms (DRF's search_smart_split): such a piece is two searches.
  return [...out].filter((t) => [...t].length <= 2 && !/[\s,]/.test(t));
}

/** What a plain ILIKE over the same fields finds, without the grams. */
async function truth(term: string, fields: "support" | "crm"): Promise<string[]> {
  const prisma = await db();
  const like = `%${literal(term)}%`;
  const rows = await prisma.$queryRaw<{ id: string }[]>(
    fields === "support"
      ? Prisma.sql`SELECT t.id::text FROM tickets t LEFT JOIN contacts c ON c.id = t.contact_id LEFT JOIN users u ON u.id = t.user_id
          WHERE t.subject ILIKE ${like} OR t.description ILIKE ${like} OR c.email ILIKE ${like} OR u.email ILIKE ${like}`
      : Prisma.sql`SELECT t.id::text FROM tickets t LEFT JOIN companies co ON co.id = t.company_id
          WHERE t.number ILIKE ${like} OR t.subject ILIKE ${like} OR t.description ILIKE ${like} OR co.name ILIKE ${like}`,
  );
  return rows.map((r) => r.id).sort();
}

const ids = (r: { status: number; json: { results: { id: string }[] } }) => {
  expect(r.status).toBe(200);
  return r.json.results.map((t) => t.id).sort();
};

describe("search with one- and two-character terms", () => {
  it("finds exactly what ILIKE finds, in both APIs, for every short piece of the texts", async () => {
    const all = terms();
    expect(all.length).toBeGreaterThan(150);
    let hits = 0;
    for (const term of all) {
      const support = await truth(term, "support");
      expect(ids(await supportApi.listTickets(agent, { search: term, page_size: 100 })), `support, term ${JSON.stringify(term)}`).toEqual(support);
      expect(ids(await crmApi.list(admin, { search: term, page_size: "100" })), `crm, term ${JSON.stringify(term)}`).toEqual(await truth(term, "crm"));
      if (support.length > 0) hits++;
    }
    // The comparison is not between two empty lists.
    expect(hits).toBeGreaterThan(100);
  });

  it("finds numbers by their short pieces, and combines a short term with a long one", async () => {
    const prisma = await db();
    const numbers = (await prisma.ticket.findMany({ select: { number: true } })).map((t) => t.number);
    const piece = numbers[0].slice(-2);
    expect(ids(await crmApi.list(admin, { search: piece, page_size: "100" }))).toEqual(await truth(piece, "crm"));
    const both = ids(await supportApi.listTickets(agent, { search: "x9 café", page_size: 100 }));
    expect(both).toHaveLength(1);
    expect(ids(await supportApi.listTickets(agent, { search: "x9 kettle", page_size: 100 }))).toEqual([]);
  });

  it("follows an edit of the subject: the grams are the database's, recomputed with the row", async () => {
    const r = await crmApi.create(admin, { subject: "Nothing special" });
    expect(r.status).toBe(201);
    expect(ids(await supportApi.listTickets(agent, { search: "jv" }))).toEqual([]);
    const p = await supportApi.patchTicket(agent, r.json.id, { subject: "JVM crash" });
    expect(p.status, p.text).toBe(200);
    expect(ids(await supportApi.listTickets(agent, { search: "jv" }))).toEqual([r.json.id]);
    expect(ids(await supportApi.listTickets(agent, { search: "ho" }))).toEqual(await truth("ho", "support"));
  });

  it("keeps the grams out of every ticket read, and computes them per field", async () => {
    const prisma = await db();
    const t = await prisma.ticket.findFirstOrThrow({ where: { subject: "qx" } });
    expect(t).not.toHaveProperty("searchGrams");
    const [row] = await prisma.$queryRaw<{ g: string[] }[]>`SELECT search_grams AS g FROM tickets WHERE id = ${t.id}::uuid`;
    // Subject "qx" and description "y": no pair across the two fields ("xy").
    expect(row.g).toEqual(expect.arrayContaining(["q", "x", "y", "qx", `#${t.number.slice(-1).toLowerCase()}`]));
    expect(row.g).not.toContain("xy");
    expect(ids(await supportApi.listTickets(agent, { search: "xy" }))).toEqual([]);
  });

  it("uses the grams only where JavaScript and PostgreSQL lowercase alike", () => {
    expect(shortTermGram("AB")).toBe("ab");
    expect(shortTermGram("%_")).toBe("%_");
    expect(shortTermGram("遅れ")).toBe("遅れ");
    expect(shortTermGram("7")).toBe("7");
    // Longer terms are the trigram indexes' work; cased non-ASCII letters and control
    // characters keep the plain ILIKE.
    expect(shortTermGram("abc")).toBeNull();
    expect(shortTermGram("É")).toBeNull();
    expect(shortTermGram("ß")).toBeNull();
    expect(shortTermGram("a\x01")).toBeNull();
    expect(shortTermGram("\ud800")).toBeNull();
  });
});
