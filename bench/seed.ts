/**
 * Bulk seeding for the benchmark: a few big INSERT ... SELECT FROM generate_series statements.
 * Ids are md5-derived from ordinals (md5('t' || n)::uuid), so messages can name their ticket
 * and author without lookups, and every pseudo-random choice comes from bench_rand(n, salt),
 * a hash, so both engines get the same data.
 */
export type Exec = (sql: string) => Promise<unknown>;

export interface SeedSizes {
  tickets: number;
  messages: number;
  customers: number;
  agents: number;
}

export const SEARCH_WORDS = ["refund", "delivery", "invoice", "login", "password", "damaged", "warranty", "subscription", "coupon", "exchange", "tracking", "payment", "battery", "firmware", "bluetooth", "replacement", "return", "discount", "account", "shipping"];
const KINDS = ["request", "problem", "question", "issue", "delay", "error", "complaint", "update", "follow-up", "inquiry"];
const PRODUCTS = ["blender", "skillet", "espresso machine", "knife set", "stand mixer", "air fryer", "grinder", "dutch oven", "kettle", "toaster", "food processor", "water filter", "rice cooker", "juicer", "waffle iron"];
const PHRASES = ["Hi, thanks for the quick reply.", "I checked again this morning.", "Could you please look into this?", "We have updated your case.", "The carrier confirmed the parcel.", "Please try a reset first.", "I have attached the receipt.", "Your refund has been issued.", "That did not help, unfortunately.", "Great, that solved it!", "Can you confirm the serial number?", "We are escalating this to our team."];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;
/** The i-th element of a literal array, chosen by bench_rand(n, salt). */
const pick = (xs: string[], n: string, salt: number) => `(${arr(xs)})[1 + floor(bench_rand(${n}, ${salt}) * ${xs.length})::int]`;

const BULK_TABLES = ["tickets", "messages"];

/** Seeds the bench data; returns how long each phase took (ms). */
export async function bulkSeed(exec: Exec, query: (sql: string) => Promise<Record<string, unknown>[]>, s: SeedSizes, opts: { server?: boolean; sessions?: Exec[] } = {}) {
  const phases: Record<string, number> = {};
  const phase = async (name: string, ...sqls: string[]) => {
    const t0 = performance.now();
    for (const sql of sqls) await exec(sql);
    phases[name] = Math.round(performance.now() - t0);
  };

  // On a PostgreSQL server: room for the hash aggregates of the counters and for index builds
  // (GIN trigram builds are many times faster in memory), two workers per btree build, and no
  // waiting for WAL flushes. Session settings only; PGlite (WASM, small heap) keeps its defaults.
  const tuning = opts.server
    ? [`SET work_mem = '256MB'`, `SET maintenance_work_mem = '1GB'`, `SET max_parallel_maintenance_workers = 2`, `SET synchronous_commit = off`]
    : [];
  const sessions = opts.sessions ?? [];
  /** One INSERT ... SELECT over 1..total, split in equal ranges across the sessions. */
  const parallelPhase = async (name: string, total: number, sql: (lo: number, hi: number) => string) => {
    const t0 = performance.now();
    const workers = [exec, ...sessions];
    const per = Math.ceil(total / workers.length);
    await Promise.all(workers.map((run, i) => (i * per < total ? run(sql(i * per + 1, Math.min(total, (i + 1) * per))) : undefined)));
    phases[name] = Math.round(performance.now() - t0);
  };
  for (const run of sessions) for (const sql of [...tuning, `SET session_replication_role = replica`]) await run(sql);
  await phase(
    "setup",
    ...tuning,
    `CREATE OR REPLACE FUNCTION bench_rand(n bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT (hashint8extended(n, salt) & 2147483647)::float8 / 2147483648.0 $$`,
    // Bulk loads are far faster without per-row index maintenance and FK triggers: drop the
    // secondary indexes now and rebuild them from their saved definitions afterwards.
    `DROP TABLE IF EXISTS bench_saved_indexes`,
    `CREATE TABLE bench_saved_indexes AS SELECT indexname, indexdef FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename IN ('${BULK_TABLES.join("','")}') AND indexname NOT LIKE '%_pkey'`,
    `DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexname FROM bench_saved_indexes LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP; END $$`,
    `SET session_replication_role = replica`,
  );

  await phase(
    "people",
    `INSERT INTO teams (id, name) VALUES (md5('team1')::uuid, 'Support'), (md5('team2')::uuid, 'Tech'), (md5('team3')::uuid, 'Finance'), (md5('team4')::uuid, 'Sales') ON CONFLICT DO NOTHING`,
    `INSERT INTO users (id, email, name, role, is_staff, team_id, updated_at)
       SELECT md5('a' || n)::uuid, 'agent' || n || '@bench.test', 'Agent ' || n,
              (CASE WHEN n = 1 THEN 'admin' WHEN n % 5 = 0 THEN 'sales_manager' ELSE 'customer_service' END)::"Role",
              n = 1, (SELECT id FROM teams ORDER BY name OFFSET (n % 4) LIMIT 1), now()
       FROM generate_series(1, ${s.agents}) n`,
    `INSERT INTO companies (id, name) SELECT md5('co' || n)::uuid, 'Company ' || n FROM generate_series(1, ${Math.ceil(s.customers / 25)}) n`,
    `INSERT INTO users (id, email, name, role, updated_at)
       SELECT md5('u' || n)::uuid, 'customer' || n || '@example.com', 'Customer ' || n, 'customer', now() FROM generate_series(1, ${s.customers}) n`,
    `INSERT INTO contacts (id, email, name, user_id, company_id, updated_at)
       SELECT md5('c' || n)::uuid, 'customer' || n || '@example.com', 'Customer ' || n, md5('u' || n)::uuid,
              CASE WHEN n % 5 = 0 THEN md5('co' || (1 + n % ${Math.ceil(s.customers / 25)}))::uuid END, now()
       FROM generate_series(1, ${s.customers}) n`,
    `INSERT INTO orders (id, number, user_id, contact_id, total, created_at)
       SELECT md5('o' || n)::uuid, 'B-' || n, md5('u' || (1 + (n - 1) % ${s.customers}))::uuid, md5('c' || (1 + (n - 1) % ${s.customers}))::uuid,
              round((10 + bench_rand(n, 50) * 500)::numeric, 2), now() - interval '400 days' * bench_rand(n, 51)
       FROM generate_series(1, ${s.customers * 2}) n`,
  );

  // Ticket n's customer, status, priority, creation time and assignee first, in a narrow
  // unlogged table: the messages are generated against it, their counters aggregated, and
  // only then is each ticket written, once, with its counters (an UPDATE of every ticket
  // afterwards wrote a second version of each row: 1.6 GB at 1M, with search_grams).
  // Open tickets are recent (skewed to the last days), finished ones spread over a year.
  await phase(
    "plan",
    `DROP TABLE IF EXISTS bench_t`,
    `CREATE UNLOGGED TABLE bench_t AS
     SELECT n, md5('t' || n)::uuid AS id, cust, status, priority, created_at,
            CASE WHEN status <> 'new' THEN md5('a' || (1 + floor(bench_rand(n, 18) * ${s.agents})::int))::uuid END AS assigned
     FROM (
       SELECT n, 1 + floor(bench_rand(n, 1) * ${s.customers})::int AS cust, status, priority,
              (now() - CASE WHEN status IN ('resolved', 'closed') THEN interval '365 days' * bench_rand(n, 4)
                            ELSE interval '20 days' * power(bench_rand(n, 4), 3) END)::timestamptz(3) AS created_at
       FROM (
         SELECT n,
           CASE WHEN r2 < 0.08 THEN 'new' WHEN r2 < 0.16 THEN 'assigned' WHEN r2 < 0.30 THEN 'in_progress'
                WHEN r2 < 0.40 THEN 'pending' WHEN r2 < 0.65 THEN 'resolved' ELSE 'closed' END AS status,
           CASE WHEN r3 < 0.2 THEN 'low' WHEN r3 < 0.65 THEN 'medium' WHEN r3 < 0.9 THEN 'high' ELSE 'urgent' END AS priority
         FROM (SELECT n, bench_rand(n, 2) AS r2, bench_rand(n, 3) AS r3 FROM generate_series(1, ${s.tickets}) n) r
       ) p
     ) t`,
  );

  // Message m belongs to a hashed ticket (so threads vary in length), written within two
  // weeks of the ticket's creation; 55% inbound from the requester, the rest by agents,
  // 15% of those internal notes.
  const messageRows = (lo: number, hi: number) =>
    `INSERT INTO messages (id, ticket_id, author_id, body, direction, is_internal, created_at, updated_at)
     SELECT md5('m' || m)::uuid, t.id, CASE WHEN inbound THEN md5('u' || t.cust)::uuid ELSE coalesce(t.assigned, md5('a1')::uuid) END,
            ${pick(PHRASES, "m", 31)} || ' ' || ${pick(PHRASES, "m", 32)} || ' (' || ${pick(SEARCH_WORDS, "m", 33)} || ')',
            (CASE WHEN inbound THEN 'inbound' ELSE 'outbound' END)::"MessageDirection",
            NOT inbound AND bench_rand(m, 34) < 0.15, at, at
     FROM (SELECT m, bench_rand(m, 30) < 0.55 AS inbound, 1 + floor(bench_rand(m, 29) * ${s.tickets})::int AS tn
           FROM generate_series(${lo}, ${hi}) m) g
     JOIN bench_t t ON t.n = g.tn
     CROSS JOIN LATERAL (SELECT t.created_at + least(now() - t.created_at, interval '14 days') * bench_rand(g.m, 35) AS at) x`;
  await parallelPhase("messages", s.messages, messageRows);

  // Counters exactly as the domain keeps them: public/internal counts, last public message,
  // first agent reply, and unread = the other side's messages since one's own last reply.
  await phase(
    "counters",
    `DROP TABLE IF EXISTS bench_counts`,
    `CREATE UNLOGGED TABLE bench_counts AS
     WITH a AS (
       SELECT ticket_id,
              count(*) FILTER (WHERE NOT is_internal) AS pub, count(*) FILTER (WHERE is_internal) AS internal,
              max(created_at) FILTER (WHERE NOT is_internal) AS last_pub,
              min(created_at) FILTER (WHERE NOT is_internal AND direction = 'outbound') AS first_out,
              max(created_at) FILTER (WHERE NOT is_internal AND direction = 'outbound') AS last_out,
              max(created_at) FILTER (WHERE NOT is_internal AND direction = 'inbound') AS last_in
       FROM messages GROUP BY ticket_id),
     u AS (
       SELECT m.ticket_id,
              count(*) FILTER (WHERE m.direction = 'inbound' AND m.created_at > coalesce(a.last_out, '-infinity')) AS ua,
              count(*) FILTER (WHERE m.direction = 'outbound' AND m.created_at > coalesce(a.last_in, '-infinity')) AS uc
       FROM messages m JOIN a USING (ticket_id) WHERE NOT m.is_internal GROUP BY m.ticket_id)
     SELECT a.ticket_id, a.pub, a.internal, a.last_pub, a.first_out, coalesce(u.ua, 0) AS ua, coalesce(u.uc, 0) AS uc
     FROM a LEFT JOIN u USING (ticket_id)`,
  );

  // Each ticket written once, with its counters; the columns from its own hash salts.
  const ticketRows = (lo: number, hi: number) =>
    `INSERT INTO tickets (id, number, subject, description, status, priority, priority_rank, category, channel, tags, sla_due_at,
        user_id, contact_id, order_id, assigned_to_id, created_by_id, created_at, updated_at, last_message_at, resolved_at, closed_at,
        public_message_count, internal_message_count, first_response_at, unread_by_agent, unread_by_customer)
     SELECT t.id, 'T-' || to_char(created_at AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(n::text, 6, '0'),
            initcap(${pick(SEARCH_WORDS, "n", 7)}) || ' ' || ${pick(KINDS, "n", 8)} || ' for ' || ${pick(PRODUCTS, "n", 9)} || ' #' || n,
            'Customer writes about the ' || ${pick(PRODUCTS, "n", 10)} || ': ' || ${pick(SEARCH_WORDS, "n", 11)} || ' ' || ${pick(KINDS, "n", 12)} || '. ' || ${pick(PHRASES, "n", 13)},
            status::"TicketStatus", priority::"Priority",
            CASE priority WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 4 END,
            ${pick(["shipping", "billing", "technical", "account", "sales", "general"], "n", 14)},
            ${pick(["portal", "portal", "email", "email", "chat", "phone", "api"], "n", 15)}::"Channel",
            CASE WHEN bench_rand(n, 16) < 0.1 THEN ARRAY['vip'] ELSE ARRAY[]::text[] END,
            created_at + CASE priority WHEN 'urgent' THEN interval '4 hours' WHEN 'high' THEN interval '8 hours' WHEN 'medium' THEN interval '1 day' ELSE interval '3 days' END,
            md5('u' || cust)::uuid, md5('c' || cust)::uuid, CASE WHEN bench_rand(n, 17) < 0.4 THEN md5('o' || (cust + ${s.customers}))::uuid END,
            assigned, md5('u' || cust)::uuid, created_at, created_at, coalesce(c.last_pub, created_at),
            CASE WHEN status IN ('resolved', 'closed') THEN created_at + interval '2 days' END,
            CASE WHEN status = 'closed' THEN created_at + interval '3 days' END,
            coalesce(c.pub, 0), coalesce(c.internal, 0), c.first_out,
            CASE WHEN status = 'closed' THEN 0 ELSE coalesce(c.ua, 0) END,
            CASE WHEN status = 'closed' THEN 0 ELSE coalesce(c.uc, 0) END
     FROM bench_t t LEFT JOIN bench_counts c ON c.ticket_id = t.id
     WHERE t.n BETWEEN ${lo} AND ${hi}`;
  await parallelPhase("tickets", s.tickets, ticketRows);
  await phase("tidy", `DROP TABLE bench_t`, `DROP TABLE bench_counts`);
  await phase(
    "watchers",
    `INSERT INTO ticket_watchers (ticket_id, user_id)
       SELECT DISTINCT md5('t' || (1 + floor(bench_rand(n, 20) * ${s.tickets})::int))::uuid, md5('a' || (1 + n % ${s.agents}))::uuid
       FROM generate_series(1, ${Math.ceil(s.tickets / 10)}) n ON CONFLICT DO NOTHING`,
  );
  if (opts.sessions?.length) {
    // Rebuild on every session at once (one index each at a time: one per core), biggest
    // tables' trigram indexes first so no session is left with a long one at the end.
    const t0 = performance.now();
    await exec(`SET session_replication_role = origin`);
    const defs = (await query(`SELECT indexdef FROM bench_saved_indexes ORDER BY (indexdef LIKE '%gin%') DESC, (indexdef LIKE '% ON public.messages %') DESC`)).map((r) => String(r.indexdef));
    const workers = [exec, ...opts.sessions];
    await Promise.all(
      workers.map(async (run) => {
        await run(`SET maintenance_work_mem = '512MB'`);
        await run(`SET max_parallel_maintenance_workers = 0`);
        for (let d = defs.shift(); d; d = defs.shift()) await run(d);
      }),
    );
    await exec(`DROP TABLE bench_saved_indexes`);
    phases.indexes = Math.round(performance.now() - t0);
  } else {
    await phase(
      "indexes",
      `SET session_replication_role = origin`,
      `DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexdef FROM bench_saved_indexes LOOP EXECUTE r.indexdef; END LOOP; END $$`,
      `DROP TABLE bench_saved_indexes`,
    );
  }
  await phase("analyze", `VACUUM ANALYZE`);
  if (opts.server) {
    // Write the seeded gigabytes out now: otherwise the checkpoint they trigger spreads its
    // writes over the next minutes (checkpoint_completion_target) and competes with the first
    // scenarios measured. Needs superuser or pg_checkpoint; without it, measure anyway.
    const t0 = performance.now();
    await exec(`CHECKPOINT`).catch((e) => console.warn(`[seed] CHECKPOINT skipped: ${(e as Error).message}`));
    phases.checkpoint = Math.round(performance.now() - t0);
  }
  const [counts] = await query(`SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM messages)::int AS messages,
      (SELECT count(*) FROM users)::int AS users,
      (SELECT count(*) FROM tickets WHERE sla_due_at < now() AND status IN ('new','assigned','in_progress','pending'))::int AS overdue`);
  return { phases, counts };
}
