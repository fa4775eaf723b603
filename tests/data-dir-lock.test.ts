import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirBusyError, parseLockHolder, processIdentity } from "@/lib/db/data-dir-lock";
import { openPGlite } from "@/lib/db/pglite";

// The embedded database's folder lock: a restart right after a crash (kill -9, pid reused by
// another process) must open the folder; a live holder must still be refused clearly.
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "caseflow-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const lockFile = (dir: string) => path.join(dir, "caseflow.pid");
const isLinux = fs.existsSync("/proc/self/stat");

/** Starts a process holding the folder (one node process, no wrapper) and waits until it committed. */
function holdInChild(dir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-data-dir.ts", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (b) => (err += b));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (b) => String(b).includes("READY") && resolve());
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}: ${err}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, ready, exited };
}

describe("embedded database folder lock", () => {
  it("a process killed with -9 leaves a lock that the next start takes over, with the data intact", { timeout: 300_000 }, async () => {
    const dir = path.join(tempDir(), "pglite");
    const { child, ready, exited } = holdInChild(dir);
    try {
      await ready;
      const holder = parseLockHolder(fs.readFileSync(lockFile(dir), "utf8"));
      expect(holder?.pid).toBe(child.pid);
      if (isLinux) expect(holder?.start).toBe(processIdentity(child.pid!).start);
      // While it runs, the folder is refused with the clear error.
      await expect(openPGlite(dir)).rejects.toThrow(/in use by another Caseflow process \(pid \d+\)/);
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
    const db = await openPGlite(dir);
    try {
      expect((await db.query<{ v: string }>("SELECT v FROM kept")).rows).toEqual([{ v: "written before the crash" }]);
      expect(parseLockHolder(fs.readFileSync(lockFile(dir), "utf8"))?.pid).toBe(process.pid);
    } finally {
      await db.close();
    }
  });

  it.runIf(isLinux)("a lock naming a live pid with another start time (a reused pid) is stale", () => {
    const dir = tempDir();
    // The pid of a running process (the test runner), but not the process that wrote the lock.
    const parent = processIdentity(process.ppid);
    fs.writeFileSync(lockFile(dir), JSON.stringify({ ...parent, start: String(Number(parent.start) + 1) }));
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    expect(parseLockHolder(fs.readFileSync(lockFile(dir), "utf8"))).toEqual(processIdentity(process.pid));

    // The same with this very process's pid: after a restart a container's app often gets its old pid back.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ ...processIdentity(process.pid), start: "1" }));
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    expect(parseLockHolder(fs.readFileSync(lockFile(dir), "utf8"))).toEqual(processIdentity(process.pid));

    // A lock written before the last reboot is stale even if pid and start time match again.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ ...parent, boot: "00000000-0000-0000-0000-000000000000" }));
    expect(() => acquireDataDirLock(dir)).not.toThrow();
  });

  it("a live holder is refused with the clear error, whether its lock records a start time or only a pid", () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify(processIdentity(process.ppid)));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
    expect(() => acquireDataDirLock(dir)).toThrow(`in use by another Caseflow process (pid ${process.ppid})`);
    fs.writeFileSync(lockFile(dir), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
    // The lock is left as it was.
    expect(fs.readFileSync(lockFile(dir), "utf8")).toBe(String(process.ppid));
  });

  it("an unreadable or empty lock (a crash while writing it) is stale", () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), "");
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    expect(parseLockHolder(fs.readFileSync(lockFile(dir), "utf8"))?.pid).toBe(process.pid);
  });

  it("a bare-pid lock naming this process is taken and rewritten with this process's identity", () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), String(process.pid));
    expect(() => acquireDataDirLock(dir)).not.toThrow();
    expect(parseLockHolder(fs.readFileSync(lockFile(dir), "utf8"))).toEqual(processIdentity(process.pid));
  });
});
