import { z } from "zod";
import { listParams, pageOf } from "@/lib/schemas/common";
import type { ApiOperation } from "@/lib/schemas/operation";
import type { CompanyRow } from "@/lib/domain/companies/company-select";

/** Wire shapes of /api/v1/admin/companies/. */
const name = z
  .string({ error: "Not a valid string." })
  .trim()
  .min(1, { error: "This field may not be blank." })
  .max(200, { error: "Ensure this field has no more than 200 characters." });
const domain = z
  .string({ error: "Not a valid string." })
  .max(253, { error: "Ensure this field has no more than 253 characters." })
  .nullable()
  .meta({ description: "Email domain of the company's people (\"acme.com\"): mail from an unknown sender there joins this company. Blank or null clears it." });

export const companyCreateSchema = z.object({ name, domain: domain.optional() }).meta({ id: "CompanyCreate" });
export const companyUpdateSchema = z.object({ name: name.optional(), domain: domain.optional() }).meta({ id: "CompanyUpdate" });
export const companyListQuerySchema = z
  .object({
    search: z.string().max(200, { error: "Search is limited to 200 characters." }).optional().meta({ description: "Substring of the name or domain (case-insensitive)." }),
    ...listParams,
  })
  .meta({ id: "CompanyListQuery" });

export function serializeCompany(c: CompanyRow) {
  return { id: c.id, name: c.name, domain: c.domain, contact_count: c._count.contacts, created_at: c.createdAt.toISOString() };
}

export const companyOut = z
  .object({
    id: z.string().meta({ format: "uuid" }),
    name: z.string(),
    domain: z.string().nullable(),
    contact_count: z.number().int(),
    created_at: z.string().meta({ format: "date-time" }),
  })
  .strict()
  .meta({ id: "Company" });
export const companyPageOut = pageOf(companyOut, "CompanyPage");

export const companyOperations: ApiOperation[] = [
  { method: "get", path: "/api/v1/admin/companies/", tag: "admin", summary: "List companies", query: companyListQuerySchema, response: companyPageOut },
  { method: "post", path: "/api/v1/admin/companies/", tag: "admin", summary: "Create a company", body: companyCreateSchema, response: companyOut, status: 201 },
  { method: "patch", path: "/api/v1/admin/companies/{id}/", tag: "admin", summary: "Edit a company's name or domain", body: companyUpdateSchema, response: companyOut },
];
