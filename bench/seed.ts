// `npm run bench:seed -- --abonents N`: a PostgreSQL database filled with realistic data at scale for `npm run bench`.
//
// The database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/kabinet_bench) is dropped and
// created again, migrated by the subgraphs' own migrations, then filled by set-based SQL (INSERT … SELECT over
// generate_series, run inside PostgreSQL: no rows cross the wire), so 100 000 abonents take a few minutes.
//
// What it holds, per abonent: a confirmed cabinet with the password BENCH_PASSWORD and a session whose cookie is
// `kabinet_session=bench-session-<8-digit n>`; 1–3 personal accounts spread over the suppliers, each with a
// tariff, 24 months of charges, one meter with 24 months of accepted readings, and an online payment in about half
// of those months. The subgraphs' copies of the accounts facts (metering's and payments' replicas) are written as
// the events would have written them. One partner app per run reads everything of one supplier (BENCH_PARTNER_KEY).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../server/src/subgraphs/identity/password/password-hasher.js';
import {
  AGREEMENT_VERSION,
  PERSONAL_DATA_CONSENT_VERSION,
} from '../server/src/subgraphs/identity/abonent/documents.js';
import { hashToken } from '../server/src/core/tokens.js';
import { BENCH_PARTNER_KEY, BENCH_PARTNER_SUPPLIER, BENCH_PASSWORD, benchDatabaseUrl } from './common.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface SeedOptions {
  abonents: number;
  databaseUrl: string;
  log?: (line: string) => void;
}

export interface SeedCounts {
  abonents: number;
  accounts: number;
  readings: number;
  charges: number;
  payments: number;
}

/** Drops and recreates the database, migrates it and fills it. Refuses a database whose name lacks "bench". */
export async function seed({ abonents, databaseUrl, log = () => {} }: SeedOptions): Promise<SeedCounts> {
  const database = new URL(databaseUrl).pathname.slice(1);
  if (!/bench/.test(database)) {
    throw new Error(`bench:seed drops the database it fills: its name must contain "bench" (got "${database}")`);
  }
  if (!Number.isInteger(abonents) || abonents < 1 || abonents > 10_000_000) {
    throw new Error('--abonents: a whole number from 1 to 10 000 000');
  }
  await recreateDatabase(databaseUrl, database);
  log(`migrating ${database}`);
  migrate(databaseUrl);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`set synchronous_commit = off`);
    await client.query(`set work_mem = '256MB'`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    const step = async (name: string, sql: string, params: unknown[] = []) => {
      const started = performance.now();
      const result = await client.query(sql, params);
      log(`${name}: ${result.rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    await client.query('begin');
    // The big tables load faster without their secondary indexes; they are built again, as the migrations
    // declared them, once the rows are in.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select i."indexrelid"::regclass::text as "name", pg_get_indexdef(i."indexrelid") as "definition"
         from pg_index i join pg_class t on t."oid" = i."indrelid" join pg_namespace n on n."oid" = t."relnamespace"
        where n."nspname" || '.' || t."relname" = any($1)
          and not exists (select 1 from pg_constraint c where c."conindid" = i."indexrelid")`,
      [BULK_TABLES],
    );
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    await fill(step, abonents);
    for (const index of indexes) await step(`index ${index.name}`, index.definition);
    await client.query('commit');
    const started = performance.now();
    await client.query('analyze');
    log(`analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const { rows } = await client.query<Record<keyof SeedCounts, string>>(`select
      (select count(*) from "identity"."abonent") as "abonents",
      (select count(*) from "accounts"."personal_account") as "accounts",
      (select count(*) from "metering"."reading") as "readings",
      (select count(*) from "accounts"."charge") as "charges",
      (select count(*) from "payments"."payment") as "payments"`);
    const counts = Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
    return counts as unknown as SeedCounts;
  } finally {
    await client.end();
  }
}

const BULK_TABLES = ['metering.reading', 'payments.payment', 'accounts.charge'];

type Step = (name: string, sql: string, params?: unknown[]) => Promise<void>;

async function fill(step: Step, abonents: number): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  // A stable pseudo-random number in [0, modulo) for a row and a purpose: the same data on every run.
  const rnd = (expr: string, salt: number, modulo: number | string) =>
    `((hashint8((${expr})::bigint * 7919 + ${salt}) & 2147483647) % ${modulo})`;

  await step(
    'plan: abonents',
    `create temp table "b_abonent" as
       select n, gen_random_uuid() as "id", 1 + ${rnd('n', 1, 3)} as "accounts"
         from generate_series(1, $1::int) n`,
    [abonents],
  );
  await step(
    'plan: accounts',
    `create temp table "b_account" as
       select row_number() over (order by a.n, i) as m, a.n, a."id" as "abonent_id", gen_random_uuid() as "id",
              gen_random_uuid() as "meter_id", i as "position"
         from "b_abonent" a cross join lateral generate_series(1, a."accounts") i`,
  );
  await step(
    'plan: suppliers',
    `create temp table "b_supplier" as
       select row_number() over (order by "code") - 1 as "k", "id", "name" from "accounts"."supplier"`,
  );
  await step('plan: account suppliers', `alter table "b_account" add column "supplier_id" uuid`);
  await step(
    'plan: account suppliers',
    `update "b_account" b set "supplier_id" = s."id"
       from "b_supplier" s where s."k" = ${rnd('b.m', 2, '(select count(*) from "b_supplier")')}`,
  );
  // 24 months before the current one; the current month is left for the abonents to submit.
  await step(
    'plan: months',
    `create temp table "b_month" as
       select i, (date_trunc('month', current_date) - make_interval(months => i))::date as "month"
         from generate_series(1, 24) i`,
  );
  await step(
    'plan: monthly consumption',
    `create temp table "b_usage" as
       select b.m, b."id" as "account_id", b."meter_id", b."supplier_id", b."abonent_id", mo.i, mo."month",
              (5 + ${rnd('b.m * 31 + mo.i', 3, 400)} / 10.0)::numeric(14, 3) as "volume",
              sum((5 + ${rnd('b.m * 31 + mo.i', 3, 400)} / 10.0)::numeric(14, 3))
                over (partition by b.m order by mo."month") as "dial"
         from "b_account" b cross join "b_month" mo`,
  );

  await step(
    'identity.abonent',
    `insert into "identity"."abonent" ("id", "email", "email_normalized", "password_hash", "email_confirmed_at",
       "agreement_version", "agreement_accepted_at", "personal_data_consent_version", "personal_data_consent_at",
       "created_at", "updated_at")
     select "id", 'bench-' || n || '@bench.kabinet.localhost', 'bench-' || n || '@bench.kabinet.localhost', $1,
            now() - interval '400 days', $2, now() - interval '400 days', $3, now() - interval '400 days',
            now() - interval '400 days', now() - interval '400 days'
       from "b_abonent"`,
    [passwordHash, AGREEMENT_VERSION, PERSONAL_DATA_CONSENT_VERSION],
  );
  await step(
    'identity.session',
    `insert into "identity"."session" ("abonent_id", "token_hash", "idle_expires_at", "absolute_expires_at")
     select "id", encode(sha256(convert_to('bench-session-' || lpad(n::text, 8, '0'), 'UTF8')), 'hex'),
            now() + interval '30 days', now() + interval '30 days'
       from "b_abonent"`,
  );
  await step(
    'identity.partner_app',
    `with app as (
       insert into "identity"."partner_app" ("name", "supplier_id", "scopes")
       select 'Бенчмарк', "id", '{accounts:read,readings:read,payments:read}' from "accounts"."supplier" where "code" = $1
       returning "id")
     insert into "identity"."partner_api_key" ("partner_app_id", "prefix", "key_hash")
     select "id", $2, $3 from app`,
    [BENCH_PARTNER_SUPPLIER, BENCH_PARTNER_KEY.slice(0, 12), hashToken(BENCH_PARTNER_KEY)],
  );

  await step(
    'accounts.personal_account',
    `insert into "accounts"."personal_account" ("id", "supplier_id", "number", "address", "holder_name", "services",
       "balance_kopecks", "balance_as_of", "created_at")
     select "id", "supplier_id", (7000000000 + m)::text,
            'г. Воронеж, ул. Бенчмарковая, д. ' || (1 + m % 300) || ', кв. ' || (1 + m % 180),
            'Абонент № ' || n, '{Газоснабжение}', ${rnd('m', 4, 600000)} - 100000,
            date_trunc('month', current_date)::date, now() - interval '400 days'
       from "b_account"`,
  );
  await step(
    'accounts.tariff',
    `insert into "accounts"."tariff" ("account_id", "service", "price_kopecks", "unit", "valid_from")
     select "id", 'Газоснабжение', 785 + ${rnd('m', 5, 40)}, 'м³', (date_trunc('year', current_date))::date
       from "b_account"`,
  );
  await step(
    'accounts.charge',
    `insert into "accounts"."charge" ("account_id", "month", "volume", "amount_kopecks")
     select "account_id", "month", "volume", round("volume" * 785)::bigint from "b_usage"`,
  );
  await step(
    'accounts.account_link',
    `insert into "accounts"."account_link" ("abonent_id", "account_id", "created_at")
     select "abonent_id", "id", now() - interval '400 days' + make_interval(mins => "position") from "b_account"`,
  );

  for (const schema of ['metering', 'payments']) {
    await step(
      `${schema}.account_access`,
      `insert into "${schema}"."account_access" ("abonent_id", "account_id", "linked", "changed_at")
       select "abonent_id", "id", true, now() - interval '400 days' from "b_account"`,
    );
  }
  await step(
    'metering.account',
    `insert into "metering"."account" ("id", "supplier_id", "number")
     select "id", "supplier_id", (7000000000 + m)::text from "b_account"`,
  );
  await step(
    'metering.meter',
    `insert into "metering"."meter" ("id", "account_id", "supplier_id", "serial_number", "integer_digits",
       "fraction_digits", "installed_on", "next_verification_on", "created_at")
     select "meter_id", "id", "supplier_id", 'BN-' || lpad(m::text, 8, '0'), 5, 3,
            (current_date - interval '3 years')::date, (current_date + interval '5 years')::date, now() - interval '3 years'
       from "b_account"`,
  );
  await step(
    'metering.reading',
    `insert into "metering"."reading" ("meter_id", "supplier_id", "zone", "value", "period", "submitted_at",
       "source", "abonent_id", "current", "consumption")
     select "meter_id", "supplier_id", 'TOTAL', "dial", "month",
            "month" + interval '19 days' + make_interval(mins => ${rnd('m * 31 + i', 6, 7200)}),
            case when ${rnd('m * 31 + i', 7, 10)} = 0 then 'BILLING' else 'ABONENT' end,
            case when ${rnd('m * 31 + i', 7, 10)} = 0 then null else "abonent_id" end, true, "volume"
       from "b_usage"`,
  );

  await step(
    'payments.supplier',
    `insert into "payments"."supplier" ("id", "name", "changed_at") select "id", "name", now() from "b_supplier"`,
  );
  await step(
    'payments.account',
    `insert into "payments"."account" ("id", "supplier_id", "number", "balance_kopecks", "balance_as_of", "balance_at")
     select a."id", a."supplier_id", a."number", a."balance_kopecks", a."balance_as_of", now() - interval '1 hour'
       from "accounts"."personal_account" a`,
  );
  await step(
    'payments.payment',
    `insert into "payments"."payment" ("id", "abonent_id", "account_id", "supplier_id", "account_number", "purpose",
       "amount_kopecks", "status", "provider", "provider_payment_id", "return_url", "receipt_email",
       "idempotency_key", "request_hash", "created_at", "status_changed_at", "succeeded_at")
     select p."id", u."abonent_id", u."account_id", u."supplier_id", (7000000000 + u.m)::text, 'DEBT',
            round(u."volume" * 785)::bigint, 'SUCCEEDED', 'sandbox', 'bench-' || p."id", 'http://localhost:4000/',
            'bench-' || b.n || '@bench.kabinet.localhost', 'bench-' || u.m || '-' || u.i, 'bench',
            p."at", p."at" + interval '1 minute', p."at" + interval '1 minute'
       from "b_usage" u join "b_account" b on b.m = u.m
       cross join lateral (select gen_random_uuid() as "id",
                                  u."month" + interval '1 month 5 days' + make_interval(mins => ${rnd('u.m * 31 + u.i', 8, 14400)}) as "at") p
      where ${rnd('u.m * 31 + u.i', 9, 2)} = 0`,
  );
}

async function recreateDatabase(databaseUrl: string, database: string): Promise<void> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}

function migrate(databaseUrl: string): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/migrate-main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', DEMO_DATA: 'false' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`migrations failed (exit ${result.status})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(
      'npm run bench:seed -- [--abonents N]   (default 100000; BENCH_DATABASE_URL, default ' + benchDatabaseUrl() + ')',
    );
    process.exit(0);
  }
  const at = args.indexOf('--abonents');
  const abonents = at >= 0 ? Number(args[at + 1]) : 100_000;
  const started = performance.now();
  const counts = await seed({ abonents, databaseUrl: benchDatabaseUrl(), log: (line) => console.log(line) });
  console.log(
    `seeded ${counts.abonents} abonents, ${counts.accounts} accounts, ${counts.readings} readings, ` +
      `${counts.charges} charges, ${counts.payments} payments in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
