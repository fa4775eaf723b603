import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "./support/db";
import { makeUser, type TestUser } from "./support/cast";
import { call, handler } from "./support/http";

/**
 * Acceptance 6: non-admins get 403 on every admin API route (401 anonymous) and 404 on every
 * /admin page. The routes and pages are found on disk, so whatever is added under
 * app/api/v1/admin/, app/api/v1/audit-log/ or app/(admin)/ later is covered without editing
 * this file. Pages are rendered by Playwright (e2e/admin-users.spec.ts walks the same list);
 * here each page is checked to call the admin gate itself (Next renders a page alongside,
 * not after, its layout).
 */
useTestDb();

const ROOT = path.resolve(__dirname, "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const SOME_ID = "00000000-0000-4000-8000-00000000abcd";

function walk(dir: string, file: string): string[] {
  const abs = path.join(ROOT, dir);
  let out: string[] = [];
  for (const name of readdirSync(abs)) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out = out.concat(walk(rel, file));
    else if (name === file) out.push(rel);
  }
  return out;
}

/** app/api/v1/admin/users/[id]/route.ts -> /api/v1/admin/users/<uuid>/ and its params. */
function urlOf(routeFile: string): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segs = path.dirname(routeFile).split(path.sep).slice(1).map((s) => {
    const m = /^\[(?:\.\.\.)?(\w+)\]$/.exec(s);
    if (!m) return s;
    params[m[1]] = SOME_ID;
    return SOME_ID;
  });
  return { url: `/${segs.join("/")}/`, params };
}

const ROUTES = [...walk("app/api/v1/admin", "route.ts"), ...walk("app/api/v1/audit-log", "route.ts")].sort();
const PAGES = walk("app/(admin)", "page.tsx").sort();

describe("admin access matrix", () => {
  let cast: Record<string, TestUser>;
  beforeAll(async () => {
    cast = {
      customer: await makeUser({ role: "customer" }),
      "customer_service agent": await makeUser({ role: "customer_service" }),
      "sales_manager agent": await makeUser({ role: "sales_manager" }),
      "staff customer": await makeUser({ role: "customer", isStaff: true }),
      "customer with support.view_ticket": await makeUser({ role: "customer", permissions: ["support.view_ticket"] }),
    };
  });

  it("finds the admin routes and pages on disk", () => {
    expect(ROUTES).toEqual(expect.arrayContaining([
      path.join("app/api/v1/admin/users/route.ts"),
      path.join("app/api/v1/admin/users/[id]/route.ts"),
      path.join("app/api/v1/audit-log/route.ts"),
    ]));
    expect(PAGES).toEqual(expect.arrayContaining([path.join("app/(admin)/admin/page.tsx")]));
  });

  it.each(ROUTES)("%s: 401 anonymous, 403 for every non-admin, for each method it serves", async (file) => {
    const mod = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
    const { url, params } = urlOf(file);
    let served = 0;
    for (const method of METHODS) {
      if (typeof mod[method] !== "function") continue;
      const h = handler(mod[method]);
      const body = method === "GET" || method === "DELETE" ? undefined : {};
      const anon = await call(h, method, url, { params, body });
      if (anon.status === 405) continue;
      served++;
      expect(anon.status, `${method} ${url} anonymous: ${anon.text}`).toBe(401);
      for (const [who, user] of Object.entries(cast)) {
        const r = await call(h, method, url, { user, params, body });
        expect(r.status, `${method} ${url} as ${who}: ${r.text}`).toBe(403);
        expect(r.json).toEqual({ detail: expect.any(String) });
      }
    }
    expect(served, `${file} serves no method`).toBeGreaterThan(0);
  });

  it.each(PAGES)("%s: sits under the admin layout and checks requireAdminPage itself", (file) => {
    expect(file.startsWith(path.join("app/(admin)/admin") + path.sep), "admin pages live under app/(admin)/admin/").toBe(true);
    const src = readFileSync(path.join(ROOT, file), "utf8");
    expect(src, `${file} must await requireAdminPage(...) before reading anything`).toMatch(/await requireAdminPage\(/);
  });
});

