import path from "node:path";

export type DbConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

/**
 * DATABASE_URL (postgres://...) selects a real PostgreSQL server; without it Caseflow runs on
 * an embedded PGlite database kept in DATA_DIR (default ./.data). DATA_DIR=memory:// keeps the
 * embedded database in memory (tests).
 */
export function dbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
    }
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: pgliteDir(env) };
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATA_DIR?.trim() || ".data");
}

function pgliteDir(env: NodeJS.ProcessEnv): string {
  if (env.DATA_DIR?.trim() === "memory://") return "memory://";
  return path.join(dataDir(env), "pglite");
}
