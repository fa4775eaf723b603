import type { Prisma } from "@/lib/db/generated/client";
import type { SortKey } from "../keyset";

export const companySelect = {
  id: true,
  name: true,
  domain: true,
  createdAt: true,
  _count: { select: { contacts: true } },
} as const satisfies Prisma.CompanySelect;

export type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof companySelect }>;

export const COMPANY_KEYS: SortKey<CompanyRow>[] = [
  { field: "name", dir: "asc", type: "string", get: (c) => c.name },
  { field: "id", dir: "asc", type: "string", get: (c) => c.id },
];
