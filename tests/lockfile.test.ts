import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm ci` on any platform needs every platform build of the native packages in the lock:
 * a lock written on a machine whose registry lists only its own platform's builds would make
 * `npm ci` refuse it elsewhere. Each optional platform dependency of these packages must have
 * its own entry, and every entry must accept Node 20.19 (no EBADENGINE on install).
 */
const lock = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; optionalDependencies?: Record<string, string>; engines?: { node?: string } }>;
};

const NATIVE = ["next", "@tailwindcss/oxide", "lightningcss"];

describe("package-lock.json", () => {
  for (const name of NATIVE) {
    it(`lists every platform build of ${name}`, () => {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, name).toBeDefined();
      const platform = Object.keys(entry.optionalDependencies ?? {}).filter((d) => /(darwin|win32|linux|android|freebsd|wasm)/.test(d));
      expect(platform.length, `${name} has platform builds`).toBeGreaterThan(3);
      const missing = platform.filter((d) => !lock.packages[`node_modules/${d}`]);
      expect(missing, `${name}: missing from the lock`).toEqual([]);
    });
  }

  it("has no package that refuses Node 20", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => p.engines?.node && /^>=\s*2[2-9]/.test(p.engines.node.trim()))
      .map(([k, p]) => `${k} (${p.engines!.node})`);
    expect(refusing).toEqual([]);
  });
});
