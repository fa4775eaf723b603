import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Prisma's schema engine compiled to WASM (@prisma/schema-engine-wasm), driven through a
 * driver adapter. This replaces the native engine binary, which cannot be downloaded here.
 * Its schema_engine.js imports the .wasm file as an ES module, which Node 20 cannot do, so we
 * instantiate the bytes ourselves and hand the exports to the wasm-bindgen glue.
 */
const require = createRequire(import.meta.url);

// The wasm-bindgen glue keeps module-level state; load it once per process.
let loaded: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

function loadEngineModule() {
  loaded ??= (async () => {
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = await import(
      /* webpackIgnore: true */ pathToFileUrl(path.join(pkgDir, "schema_engine_bg.js"))
    );
    const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    const start = (instance.exports as Record<string, unknown>).__wbindgen_start;
    if (typeof start === "function") start();
    return bg;
  })();
  return loaded;
}

function pathToFileUrl(p: string): string {
  return new URL(`file://${p}`).href;
}

export type SchemaEngine = Awaited<ReturnType<typeof createSchemaEngine>>;

export async function createSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
) {
  const mod = await loadEngineModule();
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (msg: string) => {
      logs.push(msg);
    },
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  return engine;
}

export const SCHEMA_PATH = path.join("prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join("prisma", "migrations");

export function readSchema(root = process.cwd()) {
  const p = path.join(root, SCHEMA_PATH);
  return { path: SCHEMA_PATH, content: fs.readFileSync(p, "utf8") };
}

/** The migrations folder in the shape the schema engine expects (Prisma's standard layout). */
export function migrationsList(root = process.cwd()) {
  const base = path.join(root, MIGRATIONS_DIR);
  const dirs = fs.existsSync(base)
    ? fs
        .readdirSync(base, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(base, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(base, "migration_lock.toml");
  return {
    baseDir: base,
    lockfile: {
      path: lockPath,
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: fs.readFileSync(path.join(base, name, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
