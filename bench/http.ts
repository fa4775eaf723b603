/**
 * The HTTP side of the benchmark: the production build (made when missing or older than the
 * sources), the two servers as child processes on free ports, and a keep-alive client.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

/** What `next build` reads: a change to any of these makes the last build stale. */
const BUILD_INPUTS = ["app", "lib", "components", "emails", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "postcss.config.mjs", "tailwind.config.ts", "tsconfig.json", "prisma/schema.prisma"];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    max = Math.max(max, newestMtime(path.join(p, e.name)));
  }
  return max;
}

/** Why the production build must be (re)made, or null when `.next` is up to date. */
export function buildStaleness(): string | null {
  const id = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return "no production build (.next/BUILD_ID missing)";
  const built = fs.statSync(id).mtimeMs;
  const changed = BUILD_INPUTS.find((p) => newestMtime(path.join(root, p)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds the app the way `npm run build` does, when needed. Returns seconds spent (0 if fresh). */
export function ensureBuild(env: NodeJS.ProcessEnv): number {
  const why = buildStaleness();
  if (!why) return 0;
  console.log(`[bench] building the app (${why}); this takes a few minutes once...`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["scripts/run.mjs", "build"], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  return Math.round((performance.now() - t0) / 1000);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface HttpResult {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
}

/** A keep-alive client for one server (at most `sockets` connections, reused). */
export class Client {
  private agent: http.Agent;
  constructor(
    readonly base: string,
    sockets = 8,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, pathOrUrl: string, token: string, body?: unknown): Promise<HttpResult> {
    const url = new URL(pathOrUrl, this.base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (payload !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(payload);
    });
  }

  get(pathOrUrl: string, token: string) {
    return this.request("GET", pathOrUrl, token);
  }

  close() {
    this.agent.destroy();
  }
}

/** A URL's path and query: the servers answer with absolute links on their own host. */
export const pathOf = (u: string) => {
  const url = new URL(u, "http://x");
  return url.pathname + url.search;
};

export interface Server {
  name: string;
  client: Client;
  stop(): Promise<void>;
}

/**
 * Starts a server process (its own process group, output in a log file) and waits until
 * `probe` answers 200 through it.
 */
export async function startServer(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, port: number, probe: { path: string; token: string }, timeoutMs = 180_000): Promise<Server> {
  const log = path.join(os.tmpdir(), `caseflow-bench-${name}-${port}.log`);
  const out = fs.openSync(log, "w");
  const child: ChildProcess = spawn(cmd, args, { cwd: root, env: { ...env, PORT: String(port) }, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? 1));
  const client = new Client(`http://127.0.0.1:${port}`);
  const stop = async () => {
    client.close();
    if (exited !== null || child.pid === undefined) return;
    const gone = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    const t = setTimeout(() => child.pid !== undefined && exited === null && process.kill(-child.pid, "SIGKILL"), 10_000);
    await gone;
    clearTimeout(t);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`${name} exited with code ${exited} before answering; see ${log}:\n${fs.readFileSync(log, "utf8").slice(-2000)}`);
    try {
      const r = await client.get(probe.path, probe.token);
      if (r.status === 200) return { name, client, stop };
      if (Date.now() > deadline) throw new Error(`${name} answered HTTP ${r.status}: ${r.text.slice(0, 300)}`);
    } catch (e) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${name} did not answer within ${timeoutMs / 1000}s (${(e as Error).message}); see ${log}`);
      }
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
