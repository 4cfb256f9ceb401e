// The partner export's practical limit: every reading of the bench partner's supplier through a server-side cursor
// (DECLARE … FETCH 1000), each page serialised to JSON as an API would. Prints {rows, seconds, startMiB, peakMiB}.
import pg from 'pg';
import { BENCH_PARTNER_SUPPLIER } from '../common.js';
import { sampleMemory } from '../load.js';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'bench-raw-export' });
await client.connect();
const memory = sampleMemory(process.pid);
const started = performance.now();
let rows = 0;
await client.query('begin');
await client.query(
  `declare "export" no scroll cursor for
   select r."id", a."number" as "accountNumber", m."serial_number" as "serialNumber", r."meter_id" as "meterId",
          r."zone", trim_scale(r."value")::text as "value", to_char(r."period", 'YYYY-MM') as "period",
          r."submitted_at" as "submittedAt", r."source", r."current", trim_scale(r."consumption")::text as "consumption"
     from "metering"."reading" r
     join "metering"."meter" m on m."id" = r."meter_id"
     left join "metering"."account" a on a."id" = m."account_id"
    where r."supplier_id" = (select "id" from "accounts"."supplier" where "code" = $1)
    order by r."submitted_at", r."id"`,
  [BENCH_PARTNER_SUPPLIER],
);
for (;;) {
  const page = await client.query('fetch 1000 from "export"');
  if (page.rows.length === 0) break;
  rows += page.rows.length;
  JSON.stringify(page.rows);
}
await client.query('commit');
const seconds = (performance.now() - started) / 1000;
const { startMiB, peakMiB } = memory.stop();
await client.end();
console.log(JSON.stringify({ rows, seconds, startMiB, peakMiB }));
