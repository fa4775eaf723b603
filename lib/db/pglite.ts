import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * PGlite is single-process: exactly one instance may open a data directory. We keep a pid
 * lock file beside it so a second process (a CLI while the server runs) gets a clear error
 * instead of corrupting the data.
 */
export class DataDirBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another Caseflow process (pid ${pid}). ` +
        `Stop it first, or run Caseflow on PostgreSQL (DATABASE_URL) to share one database.`,
    );
    this.name = "DataDirBusyError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function acquireLock(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, "caseflow.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lock, "utf8") === String(process.pid)) fs.unlinkSync(lock);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(fs.readFileSync(lock, "utf8"));
      if (pid === process.pid) return;
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataDirBusyError(dir, pid);
      fs.unlinkSync(lock); // stale lock from a process that died
    }
  }
}

export async function openPGlite(dataDir: string): Promise<PGlite> {
  if (dataDir !== "memory://") acquireLock(dataDir);
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
