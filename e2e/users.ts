import path from "node:path";

/** The users of the e2e run (created by e2e/seed-data.ts; specs sign in as them). */
export const USERS = {
  agent: { email: "alex.agent@e2e.test", password: "e2e-password-1", role: "customer_service", name: "Alex Rivera" },
  agent2: { email: "sam.support@e2e.test", password: "e2e-password-2", role: "customer_service", name: "Sam Okafor" },
  admin: { email: "morgan.admin@e2e.test", password: "e2e-password-5", role: "admin", name: "Morgan Lee" },
  casey: { email: "casey@e2e.test", password: "e2e-password-3", role: "customer", name: "Casey Morgan" },
  blake: { email: "blake@e2e.test", password: "e2e-password-4", role: "customer", name: "Blake Chen" },
  // Owns the extra open tickets that fill the queue past one screen (e2e/queue-density-a11y.spec.ts).
  pat: { email: "pat@e2e.test", password: "e2e-password-8", role: "customer", name: "Pat Lindqvist" },
  // Only e2e/self-service.spec.ts uses these two: it resets Dana's password.
  dana: { email: "dana@e2e.test", password: "e2e-password-6", role: "customer", name: "Dana Fischer" },
  erin: { email: "erin@e2e.test", password: "e2e-password-7", role: "customer", name: "Erin Walsh" },
  // e2e/agent-queue-tools.spec.ts: Quinn and Riley are in the "Tier 2" team, Jordan in "Billing".
  quinn: { email: "quinn.tier2@e2e.test", password: "e2e-password-9", role: "customer_service", name: "Quinn Harper" },
  riley: { email: "riley.tier2@e2e.test", password: "e2e-password-10", role: "customer_service", name: "Riley Novak" },
  jordan: { email: "jordan.billing@e2e.test", password: "e2e-password-11", role: "customer_service", name: "Jordan Blake" },
} as const;

export type UserKey = keyof typeof USERS;

/** Where e2e/seed-data.ts writes the ids of what it created, for the specs. */
export const SEED_DATA_FILE = path.resolve(import.meta.dirname ?? __dirname, "../artifacts/e2e-seed-data.json");

/** An internal note's text that must never appear in any customer-facing HTML. */
export const SECRET_NOTE = "INTERNAL-ONLY: customer has 3 prior chargebacks, escalate to finance";
