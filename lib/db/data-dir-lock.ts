import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is single-process: exactly one instance may open a data directory. A lock file beside
 * the data says which process holds it, so a second process (a CLI while the server runs) gets a
 * clear error instead of corrupting the data.
 *
 * The holder is recorded as its pid plus what makes that pid unique over time: the process start
 * time (field 22 of /proc/<pid>/stat) and the kernel's boot id. A lock is stale when its process
 * is gone, or when the pid now belongs to another process: after `kill -9` and a restart (a
 * container's app typically gets the same low pid again), after a reboot. Where /proc is missing
 * (macOS) only "is the pid alive" can be checked, as with lock files written before the start
 * time was recorded.
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

export interface LockHolder {
  pid: number;
  /** Start time of the process in clock ticks since boot, as /proc/<pid>/stat gives it. */
  start?: string;
  boot?: string;
}

const LOCK_FILE = "caseflow.pid";

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The identity of a live process: its pid and, on Linux, its start time and the boot it belongs to. */
export function processIdentity(pid: number): LockHolder {
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may itself hold spaces or ")".
  const start = stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  const boot = readText("/proc/sys/kernel/random/boot_id")?.trim();
  return { pid, ...(start ? { start } : {}), ...(boot ? { boot } : {}) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock file's holder: JSON, or the bare pid that older versions wrote. */
export function parseLockHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text);
    if (typeof v === "number") return Number.isInteger(v) && v > 0 ? { pid: v } : null;
    if (v && Number.isInteger(v.pid) && v.pid > 0) {
      return { pid: v.pid, start: typeof v.start === "string" ? v.start : undefined, boot: typeof v.boot === "string" ? v.boot : undefined };
    }
  } catch {
    /* not a lock we wrote: stale */
  }
  return null;
}

/** Whether the process a lock names still runs: same pid, and (where known) same start and boot. */
export function holderAlive(h: LockHolder): boolean {
  if (!alive(h.pid)) return false;
  const now = processIdentity(h.pid);
  if (h.boot && now.boot && h.boot !== now.boot) return false;
  if (h.start && now.start && h.start !== now.start) return false;
  return true;
}

/**
 * Removes a stale lock, but only if the file still is the one judged stale: it is first moved
 * aside, so two processes taking over at once cannot remove each other's fresh lock.
 */
function removeStale(lock: string, staleText: string): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  if (fs.readFileSync(aside, "utf8") !== staleText) {
    // Another process took over in between: give its lock back.
    try {
      fs.linkSync(aside, lock);
    } catch {
      /* a third one wrote a lock meanwhile; the next read sees it */
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Takes the data folder's lock for this process, or throws DataDirBusyError naming the holder. */
export function acquireDataDirLock(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, LOCK_FILE);
  const mine = JSON.stringify(processIdentity(process.pid));
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lock, mine, { flag: "wx" });
      process.once("exit", () => {
        try {
          if (fs.readFileSync(lock, "utf8") === mine) fs.unlinkSync(lock);
        } catch {
          /* already gone */
        }
      });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const text = readText(lock);
    if (text === undefined) continue; // removed in between: try again
    const holder = parseLockHolder(text);
    if (holder && holderAlive(holder)) {
      if (holder.pid === process.pid) {
        // This process opened the folder before (e.g. after closeDb); record it in today's format
        // so the lock is removed on exit.
        if (text !== mine) fs.writeFileSync(lock, mine);
        return;
      }
      throw new DataDirBusyError(dir, holder.pid);
    }
    removeStale(lock, text);
  }
  const holder = parseLockHolder(readText(lock) ?? "");
  throw new DataDirBusyError(dir, holder?.pid ?? 0);
}
