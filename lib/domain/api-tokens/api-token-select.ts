import type { SortKey } from "../keyset";

/** What a token looks like outside the database: never its hash. */
export const apiTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const;

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; email: string; name: string };
}

export const API_TOKEN_KEYS: SortKey<ApiTokenRow>[] = [
  { field: "createdAt", dir: "desc", type: "date", get: (t) => t.createdAt },
  { field: "id", dir: "desc", type: "string", get: (t) => t.id },
];
