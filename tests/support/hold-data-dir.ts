/**
 * Child process of tests/data-dir-lock.test.ts (not a test itself): opens the embedded database
 * in the folder given as argument, commits a row, says READY and keeps running until killed.
 */
import { openPGlite } from "../../lib/db/pglite";

const db = await openPGlite(process.argv[2]);
await db.exec("CREATE TABLE IF NOT EXISTS kept (v text); INSERT INTO kept VALUES ('written before the crash');");
console.log("READY");
setInterval(() => {}, 60_000);
