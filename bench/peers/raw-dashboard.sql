-- The dashboard as one hand-written query: the practical limit Kabinet is measured against. The same data as
-- `me { accounts { number supplier { name } balance { kopecks asOf } meters { serialNumber lastReading { value
-- period submittedAt } } payments(last: 5) { id amount status createdAt } } }` for the session whose token hash is
-- $1, shaped as JSON by PostgreSQL. Used by bench/peers/raw-server.ts.
select json_build_object('data', json_build_object('me', json_build_object('accounts', coalesce((
  select json_agg(json_build_object(
           'number', a."number",
           'supplier', json_build_object('name', s."name"),
           'balance', json_build_object('kopecks', a."balance_kopecks", 'asOf', a."balance_as_of"),
           'meters', coalesce((
             select json_agg(json_build_object('serialNumber', m."serial_number", 'lastReading', (
                      select json_build_object('value', trim_scale(r."value")::text, 'period', to_char(r."period", 'YYYY-MM'),
                                               'submittedAt', r."submitted_at")
                        from "metering"."reading" r
                       where r."meter_id" = m."id" and r."current"
                         and r."zone" = case m."zones" when 'DAY_NIGHT' then 'DAY' else 'TOTAL' end
                       order by r."period" desc, r."submitted_at" desc limit 1)) order by m."serial_number")
               from "metering"."meter" m where m."account_id" = a."id" and m."status" = 'ACTIVE'), '[]'),
           'payments', coalesce((
             select json_agg(json_build_object('id', p."id", 'amount', p."amount_kopecks", 'status', p."status",
                                               'createdAt', p."created_at") order by p."created_at" desc)
               from (select * from "payments"."payment" p where p."account_id" = a."id"
                      order by p."created_at" desc limit 5) p), '[]')
         ) order by l."created_at", a."number")
    from "identity"."session" se
    join "accounts"."account_link" l on l."abonent_id" = se."abonent_id"
    join "accounts"."personal_account" a on a."id" = l."account_id"
    join "accounts"."supplier" s on s."id" = a."supplier_id"
   where se."token_hash" = $1 and se."idle_expires_at" > now() and se."absolute_expires_at" > now()
), '[]')))) as "body"
