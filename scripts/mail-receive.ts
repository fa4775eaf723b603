/**
 * npm run mail:receive -- path/to/message.eml [more.eml ...]
 * Feeds raw messages through the same pipeline as POST /api/v1/inbound/mime/ (stored in the
 * inbox, then processed by the inbox worker) and prints what became of each. On PGlite it
 * needs the data folder to itself (stop the dev server first); on PostgreSQL it works any time.
 */
import fs from "node:fs";
import "../lib/boot";
import { closeDb, db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { DataDirBusyError } from "../lib/db/pglite";
import { rawMessageId } from "../lib/inbound/parse-mail";
import { storeInbound } from "../lib/inbound/receive-mail";
import { drainInbox } from "../lib/inbound/worker";

async function main() {
  const files = process.argv.slice(2).filter((a) => a !== "--");
  if (!files.length) {
    console.error("usage: npm run mail:receive -- path/to/message.eml [more.eml ...]");
    process.exit(2);
  }
  await migrate();
  const prisma = await db();
  for (const file of files) {
    const raw = new Uint8Array(fs.readFileSync(file));
    const { duplicate } = await storeInbound({ source: "cli", raw });
    console.log(`${file}: ${duplicate ? "already received (same Message-ID): nothing new stored" : "stored"}`);
  }
  const r = await drainInbox();
  console.log(`processed ${r.processed}, ignored ${r.ignored}, retried ${r.retried}, dead-lettered ${r.dead}`);
  for (const file of files) {
    const id = rawMessageId(new Uint8Array(fs.readFileSync(file)));
    if (!id) continue;
    const row = await prisma.inboundEmail.findUnique({ where: { messageId: id }, select: { status: true, outcome: true, lastError: true, ticketId: true } });
    if (row) console.log(`${file}: ${row.status}${row.outcome ? `: ${row.outcome}` : ""}${row.lastError ? `: ${row.lastError}` : ""}${row.ticketId ? ` (ticket ${row.ticketId})` : ""}`);
  }
  await closeDb();
}

main().catch((e) => {
  console.error(e instanceof DataDirBusyError ? e.message : e instanceof Error ? e.message : e);
  process.exit(1);
});
