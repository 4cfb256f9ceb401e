-- PostGraphile 4 over Kabinet's tables (bench only): the relations and fields PostGraphile needs for the dashboard.
-- Applied (idempotent) to the bench database before server.cjs starts: psql -v ON_ERROR_STOP=1 -f setup.sql.
-- It never alters the app's tables: smart comments on them, one function in "metering" (a computed column must live
-- in its table's schema; the name meter_last_reading is not one the app uses), the rest in schema "bench_pgl".
--
-- What PostGraphile sends per dashboard request (log_statement = 'all'): begin; select set_config($1, $2, true) (the
-- session hash); ONE data statement (a named prepared statement: json_build_object/json_agg subqueries over
-- bench_pgl.my_accounts()); commit. No per-account or per-meter round trips.
--
-- EXPLAIN (analyze, buffers) of that statement (PostgreSQL 15, bench:seed --abonents 2000: 3 984 accounts, 95 616
-- readings, 48 010 payments; an abonent with 3 accounts; auto_explain with log_nested_statements for the function):
--   - my_accounts() is inlined: Index Scan session_token_hash_unique -> Bitmap Index Scan account_link_pkey ->
--     Index Scan personal_account_pkey, then Sort (l.created_at, a.number) right under the json_agg: order is kept.
--   - supplier: Seq Scan on accounts.supplier (11 rows, one page; supplier_pkey is not worth it at that size).
--   - meters: Index Scan meter_account_idx (account_id), Filter status = 'ACTIVE', Sort (serial_number, id).
--   - payments: Index Scan payment_account_created_index (account_id, created_at desc) -> Incremental Sort
--     (presorted created_at; PostGraphile appends "id asc" as a tie-breaker) -> Limit 5.
--   - lastReading: meter_last_reading is NOT inlined (PostgreSQL inlines only set-returning SQL functions in FROM): a
--     Function Scan per meter, whose own plan is Index Scan Backward reading_current_unique (meter_id, zone, period)
--     where current -> Incremental Sort (presorted period; submitted_at breaks ties) -> Limit 1. reading_meter_idx
--     (meter_id, submitted_at desc) is not used: the partial unique index serves "current, by period" exactly.
--     The call costs roughly 0.1 ms of database time per request over an inlined subquery (pgbench, noisy machine).
--   - Execution about 0.3-0.7 ms once the prepared statement is warm (first run: ~9 ms planning, ~7 ms execution).

set client_min_messages = warning;

create schema if not exists bench_pgl;

-- Only the dashboard's tables are exposed. The others are omitted with a smart comment (kept in front of any comment
-- the app gave them): several names repeat across the subgraphs' schemas (mikro_orm_migrations, account, supplier,
-- account_access), which PostGraphile refuses as type-name conflicts. Tables a later migration adds are omitted too.
do $$
declare
  t record;
begin
  for t in
    select c.oid::regclass as rel, obj_description(c.oid, 'pg_class') as note
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('accounts', 'metering', 'payments')
       and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and (n.nspname, c.relname) not in (('accounts', 'supplier'), ('accounts', 'personal_account'),
                                          ('metering', 'meter'), ('metering', 'reading'), ('payments', 'payment'))
       and coalesce(obj_description(c.oid, 'pg_class'), '') !~ '^@omit(\n|$)'
  loop
    execute format('comment on table %s is %L', t.rel, '@omit' || coalesce(E'\n' || t.note, ''));
  end loop;
end
$$;

-- The subgraphs keep no foreign keys across schemas on purpose; PostGraphile learns these relations from comments.
-- accounts.personal_account.supplier_id -> accounts.supplier is a real foreign key already.
comment on table metering.meter is
  E'@foreignKey (account_id) references accounts.personal_account (id)|@fieldName account|@foreignFieldName meters';
comment on table payments.payment is
  E'@foreignKey (account_id) references accounts.personal_account (id)|@fieldName account|@foreignFieldName payments';

-- The accounts of the abonent whose session cookie the request carried (server.cjs puts the SHA-256 hex of its token
-- into bench.session_hash, '' without one), in the order the app lists them. A live session only, as the gateway
-- checks it. Plain SQL, stable, not strict, not security definer: PostgreSQL inlines it into PostGraphile's query.
create or replace function bench_pgl.my_accounts() returns setof accounts.personal_account
  language sql stable
as $$
  select a.*
    from identity.session s
    join accounts.account_link l on l.abonent_id = s.abonent_id
    join accounts.personal_account a on a.id = l.account_id
   where s.token_hash = current_setting('bench.session_hash', true)
     and s.idle_expires_at > now()
     and s.absolute_expires_at > now()
   order by l.created_at, a.number
$$;
comment on function bench_pgl.my_accounts() is 'The accounts linked to the session''s abonent (bench only).';

-- Meter.lastReading: the latest accepted (current) reading of the meter's first zone (TOTAL for SINGLE meters, DAY
-- for DAY_NIGHT), by period then submission time, as the metering subgraph's lastReading without a zone argument.
create or replace function metering.meter_last_reading(m metering.meter) returns metering.reading
  language sql stable
as $$
  select r.*
    from metering.reading r
   where r.meter_id = m.id
     and r.current
     and r.zone = case m.zones when 'DAY_NIGHT' then 'DAY' else 'TOTAL' end
   order by r.period desc, r.submitted_at desc
   limit 1
$$;
comment on function metering.meter_last_reading(metering.meter) is
  'The latest accepted reading of the meter''s first zone (bench only).';
