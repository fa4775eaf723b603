/**
 * npm run user:create -- --email E --password P --role R [--name N] [--staff] [--perm P]...
 * Creates or updates a user. On PGlite it needs the data folder to itself (stop the server
 * first); on PostgreSQL it works at any time.
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { DataDirBusyError } from "../lib/db/pglite";
import { ROLES, upsertUser, upsertUserSchema } from "../lib/domain/users/upsert-user";

const USAGE = `usage: npm run user:create -- --email E --password P --role R [--name N] [--staff] [--perm P]
roles: ${ROLES.join(", ")}`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        password: { type: "string" },
        role: { type: "string", default: "customer" },
        name: { type: "string" },
        staff: { type: "boolean", default: false },
        perm: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help || !values.email || !values.password) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const input = {
    email: values.email,
    password: values.password,
    role: values.role as (typeof ROLES)[number],
    name: values.name,
    isStaff: values.staff,
    permissions: values.perm,
  };
  upsertUserSchema.parse(input); // bad input fails fast, before touching the database
  await migrate();
  const { user, created } = await upsertUser(input);
  console.log(`${created ? "Created" : "Updated"} ${user.role} ${user.email}${user.isStaff ? " (staff)" : ""} id=${user.id}`);
  await closeDb();
}

main().catch((e) => {
  if (e instanceof ZodError) {
    for (const i of e.issues) console.error(`--${String(i.path[0] ?? "")}: ${i.message}`);
    process.exit(2);
  }
  console.error(e instanceof DataDirBusyError ? e.message : e instanceof Error ? e.message : e);
  process.exit(1);
});
