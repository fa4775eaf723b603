import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import * as schemaRoute from "@/app/api/v1/schema/route";
import { call } from "./support/http";

const ROOT = path.resolve(import.meta.dirname, "..");
const RULESET = path.join(ROOT, ".spectral.yaml");
const tmp = mkdtempSync(path.join(tmpdir(), "caseflow-spectral-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Finding {
  code: string;
  message: string;
  severity: number; // 0 error, 1 warning, 2 info, 3 hint
  path: string[];
}

/** Spectral's CLI with the repo's ruleset (spectral:oas) over a document; its findings. */
async function lint(doc: unknown, name: string): Promise<Finding[]> {
  const file = path.join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const bin = path.join(ROOT, "node_modules", ".bin", "spectral");
  const args = ["lint", file, "--ruleset", RULESET, "--format", "json", "--quiet", "--fail-severity", "error"];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(bin, args, { cwd: ROOT }));
  } catch (e) {
    // Exit code 1 means errors were found; they are in the output all the same.
    stdout = String((e as { stdout?: string }).stdout ?? "");
    if (!stdout.includes("[")) throw e;
  }
  return JSON.parse(stdout.slice(stdout.indexOf("[")));
}

const show = (fs: Finding[]) => fs.map((f) => `${f.code} ${f.path.join(".")}: ${f.message}`).join("\n");

describe("OpenAPI lint (spectral:oas)", () => {
  it("finds no errors and no warnings in the served document", async () => {
    const r = await call(schemaRoute.GET as never, "GET", "/api/v1/schema/");
    expect(r.status).toBe(200);
    const findings = await lint(r.json, "served");
    expect(findings.filter((f) => f.severity <= 1), show(findings)).toEqual([]);
  }, 300_000);

  it("still reports what it should: an operation without operationId or description is flagged", async () => {
    const r = await call(schemaRoute.GET as never, "GET", "/api/v1/schema/");
    const doc = structuredClone(r.json);
    delete doc.paths["/api/v1/tickets/"].get.operationId;
    delete doc.paths["/api/v1/tickets/"].get.description;
    const codes = (await lint(doc, "broken")).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["operation-operationId", "operation-description"]));
  }, 300_000);

  it("switches off only the trailing-slash rule (every DRF path ends in a slash)", () => {
    const text = readFileSync(RULESET, "utf8");
    expect(text).toMatch(/extends:\s*\["spectral:oas"\]/);
    const offRules = [...text.matchAll(/^\s+([\w-]+):\s*off\s*$/gm)].map((m) => m[1]);
    expect(offRules).toEqual(["path-keys-no-trailing-slash"]);
    expect(text.match(/^\s+[\w-]+:/gm)?.length).toBe(1);
  });
});
