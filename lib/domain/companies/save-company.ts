import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "../actor";
import { recordAudit, type RequestOrigin } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors";
import { assertCan } from "../policy";
import { companySelect, type CompanyRow } from "./company-select";

export interface CompanyInput {
  name?: string;
  /** The email domain of the company's people ("acme.com"); null clears it. */
  domain?: string | null;
}

type Tx = Prisma.TransactionClient;

const DOMAIN_RE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function normalizeDomain(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const d = raw.trim().toLowerCase().replace(/^@/, "");
  if (!d) return null;
  if (!DOMAIN_RE.test(d)) throw ValidationError.field("domain", "Enter a domain name such as example.com.");
  return d;
}

/**
 * Inbound mail from an unknown sender joins the one company with its domain; two companies
 * claiming a domain would make that ambiguous, so a domain belongs to one company.
 */
async function assertDomainFree(tx: Tx, domain: string | null | undefined, exceptId?: string) {
  if (!domain) return;
  const clash = await tx.company.findFirst({ where: { domain: { equals: domain, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (clash) throw ValidationError.field("domain", `${clash.name} already uses this domain.`);
}

export async function createCompany(actor: Actor, input: CompanyInput & { name: string }, origin: RequestOrigin | null = null): Promise<CompanyRow> {
  assertCan(actor, "company:manage", {}, "Only admins can manage companies.");
  const domain = normalizeDomain(input.domain) ?? null;
  return withTransaction(await db(), async (tx) => {
    await assertDomainFree(tx, domain);
    const company = await tx.company.create({ data: { name: input.name.trim(), domain }, select: companySelect });
    await recordAudit(tx, {
      actor, origin, action: "company.created", targetType: "company", targetId: company.id,
      summary: `Created the company ${company.name}${domain ? ` (${domain})` : ""}`,
      changes: { name: company.name, domain },
    });
    return company;
  });
}

/** Changes a company's name and/or domain. */
export async function updateCompany(actor: Actor, id: string, input: CompanyInput, origin: RequestOrigin | null = null): Promise<CompanyRow> {
  assertCan(actor, "company:manage", {}, "Only admins can manage companies.");
  const domain = normalizeDomain(input.domain);
  return withTransaction(await db(), async (tx) => {
    const before = await tx.company.findUnique({ where: { id }, select: companySelect });
    if (!before) throw new NotFoundError();
    await assertDomainFree(tx, domain, id);
    const data: Prisma.CompanyUpdateInput = {};
    if (input.name !== undefined) data.name = input.name.trim();
    if (domain !== undefined) data.domain = domain;
    const after = await tx.company.update({ where: { id }, data, select: companySelect });
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    if (before.name !== after.name) changes.name = { from: before.name, to: after.name };
    if (before.domain !== after.domain) changes.domain = { from: before.domain, to: after.domain };
    if (Object.keys(changes).length) {
      await recordAudit(tx, {
        actor, origin, action: "company.updated", targetType: "company", targetId: id,
        summary: `Changed the company ${after.name}: ${Object.keys(changes).join(" and ")}`,
        changes,
      });
    }
    return after;
  });
}
