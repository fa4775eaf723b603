import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireDataDirLock } from "./data-dir-lock";

export { DataDirBusyError } from "./data-dir-lock";

export async function openPGlite(dataDir: string): Promise<PGlite> {
  // One process per data folder; the lock says clearly who holds it (see data-dir-lock.ts).
  if (dataDir !== "memory://") acquireDataDirLock(dataDir);
  const db = await PGlite.create(dataDir === "memory://" ? undefined : dataDir, {
    extensions: { pg_trgm },
  });
  return db;
}

/**
 * Prisma driver-adapter factory for a PGlite instance. The stock factory opens its shadow
 * database (used to replay migrations when diffing) without extensions, so pg_trgm would be
 * missing there; ours gives the shadow the same extensions.
 */
export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPGlite(client);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => {
      const shadow = await PGlite.create({ extensions: { pg_trgm } });
      return new PrismaPGlite(shadow).connect();
    },
  } as SqlMigrationAwareDriverAdapterFactory;
}
