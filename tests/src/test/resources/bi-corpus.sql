-- SQL as BI tools generate it and as PostgreSQL users type it, over BiFixture's sources.
-- Each entry: a name, optional checks, then the statement ending with ';'. Jointure's answer must
-- equal PostgreSQL's on the same data in one database.
--   sends: <datasource>: <text>   the datasource received one request, containing the text
--   whole: <datasource>           that request returned exactly the rows of the answer

-- metabase: count by a column, fully qualified quoted names
-- sends: sales: GROUP BY
-- whole: sales
SELECT "sales"."orders"."status" AS "status", count(*) AS "count"
FROM "sales"."orders"
GROUP BY "sales"."orders"."status"
ORDER BY "sales"."orders"."status" ASC;

-- metabase: sum by month
-- sends: sales: date_trunc('month'
-- whole: sales
SELECT date_trunc('month', "sales"."orders"."ordered_at") AS "ordered_at",
  sum("sales"."orders"."amount") AS "sum"
FROM "sales"."orders"
GROUP BY date_trunc('month', "sales"."orders"."ordered_at")
ORDER BY date_trunc('month', "sales"."orders"."ordered_at") ASC;

-- metabase: weeks starting on Sunday
-- sends: sales: date_trunc('week'
-- whole: sales
SELECT (date_trunc('week', ("sales"."orders"."ordered_at" + INTERVAL '1 day')) + INTERVAL '-1 day') AS "ordered_at",
  count(*) AS "count"
FROM "sales"."orders"
GROUP BY (date_trunc('week', ("sales"."orders"."ordered_at" + INTERVAL '1 day')) + INTERVAL '-1 day')
ORDER BY (date_trunc('week', ("sales"."orders"."ordered_at" + INTERVAL '1 day')) + INTERVAL '-1 day') ASC;

-- metabase: by day with a date range filter
-- sends: sales: CAST("ordered_at" AS DATE)
-- whole: sales
SELECT CAST("sales"."orders"."ordered_at" AS date) AS "ordered_at", count(*) AS "count"
FROM "sales"."orders"
WHERE ("sales"."orders"."ordered_at" >= timestamp '2023-03-01 00:00:00.000'
  AND "sales"."orders"."ordered_at" < timestamp '2023-04-01 00:00:00.000')
GROUP BY CAST("sales"."orders"."ordered_at" AS date)
ORDER BY CAST("sales"."orders"."ordered_at" AS date) ASC;

-- metabase: day of week
-- sends: sales: EXTRACT(DOW FROM
-- whole: sales
SELECT (CAST(extract(dow FROM "sales"."orders"."ordered_at") AS integer) + 1) AS "ordered_at",
  count(*) AS "count"
FROM "sales"."orders"
GROUP BY (CAST(extract(dow FROM "sales"."orders"."ordered_at") AS integer) + 1)
ORDER BY (CAST(extract(dow FROM "sales"."orders"."ordered_at") AS integer) + 1) ASC;

-- metabase: year and quarter of year
-- sends: sales: EXTRACT(QUARTER FROM
SELECT extract(year FROM "sales"."orders"."ordered_at") AS "year",
  extract(quarter FROM "sales"."orders"."ordered_at") AS "quarter", sum("sales"."orders"."amount") AS "sum"
FROM "sales"."orders"
GROUP BY extract(year FROM "sales"."orders"."ordered_at"), extract(quarter FROM "sales"."orders"."ordered_at")
ORDER BY 1, 2;

-- metabase: question over a nested question, with its row limit
-- sends: sales: WHERE
SELECT "source"."status" AS "status", "source"."count" AS "count"
FROM (SELECT "sales"."orders"."status" AS "status", count(*) AS "count"
      FROM "sales"."orders"
      WHERE NOT ("sales"."orders"."status" = 'void' OR "sales"."orders"."status" IS NULL)
      GROUP BY "sales"."orders"."status") AS "source"
ORDER BY "source"."count" DESC, "source"."status" ASC
LIMIT 1048575;

-- metabase: contains filter, case-insensitive
-- sends: sales: LIKE
SELECT "sales"."orders"."id" AS "id", "sales"."orders"."note" AS "note"
FROM "sales"."orders"
WHERE lower("sales"."orders"."note") LIKE '%rush%'
ORDER BY "sales"."orders"."id" ASC
LIMIT 2000;

-- metabase: distinct count and average
-- sends: sales: COUNT(DISTINCT
SELECT count(distinct "sales"."orders"."customer_id") AS "count", avg("sales"."orders"."amount") AS "avg"
FROM "sales"."orders";

-- superset: time series with TO_TIMESTAMP bounds
-- sends: sales: date_trunc('day'
SELECT DATE_TRUNC('day', ordered_at) AS __timestamp, SUM(amount) AS "SUM(amount)"
FROM sales.orders
WHERE ordered_at >= TO_TIMESTAMP('2023-02-01 00:00:00.000000', 'YYYY-MM-DD HH24:MI:SS.US')
  AND ordered_at < TO_TIMESTAMP('2023-03-01 00:00:00.000000', 'YYYY-MM-DD HH24:MI:SS.US')
GROUP BY DATE_TRUNC('day', ordered_at)
ORDER BY "SUM(amount)" DESC, __timestamp
LIMIT 10000;

-- superset: top values by a metric alias
-- sends: sales: FETCH NEXT 100 ROWS
SELECT status AS status, COUNT(*) AS count
FROM sales.orders
GROUP BY status
ORDER BY count DESC, status
LIMIT 100;

-- tableau: casts to TEXT and scoped aliases
-- sends: sales: SUM(
SELECT CAST("orders"."status" AS TEXT) AS "status", SUM("orders"."amount") AS "sum:amount:ok"
FROM "sales"."orders" "orders"
GROUP BY 1
ORDER BY 1;

-- tableau: month as a date
-- sends: sales: date_trunc('MONTH'
SELECT CAST(DATE_TRUNC('MONTH', CAST("orders"."ordered_at" AS DATE)) AS DATE) AS "tmn:ordered_at:ok",
  SUM("orders"."amount") AS "sum:amount:ok"
FROM "sales"."orders" "orders"
GROUP BY 1
ORDER BY 1;

-- tableau: year as an integer, HAVING on COUNT(1)
-- sends: sales: HAVING
SELECT CAST(EXTRACT(YEAR FROM "orders"."ordered_at") AS INTEGER) AS "yr:ordered_at:ok",
  "orders"."customer_id" AS "customer_id", COUNT(1) AS "cnt:orders:ok"
FROM "sales"."orders" "orders"
GROUP BY 1, 2
HAVING (COUNT(1) > 6)
ORDER BY 1, 2;

-- grafana: $__timeGroupAlias(ordered_at, 1h)
-- sends: sales: EXTRACT(EPOCH FROM
SELECT floor(extract(epoch from ordered_at)/3600)*3600 AS "time", count(*) AS "orders"
FROM sales.orders
WHERE ordered_at BETWEEN '2023-03-01T00:00:00Z' AND '2023-03-15T00:00:00Z'
GROUP BY 1
ORDER BY 1;

-- grafana: $__timeFilter and now() - interval
-- sends: sales: WHERE
SELECT ordered_at AS "time", amount AS "value"
FROM sales.orders
WHERE ordered_at > now() - interval '40 years'
  AND ordered_at BETWEEN '2023-06-01T00:00:00Z' AND '2023-06-20T00:00:00Z'
ORDER BY 1;

-- user: names PostgreSQL does not reserve, as aliases
SELECT extract(month FROM ordered_at) AS month, extract(year FROM ordered_at) AS year,
  extract(day FROM ordered_at) AS day, amount AS value, count(*) OVER () AS count,
  status AS position, id AS first
FROM sales.orders
WHERE id <= 20
ORDER BY first;

-- user: :: casts of every kind
-- sends: sales: FROM
SELECT ordered_at::date AS d, amount::numeric(10,1) AS a, id::text || '#' AS t, discount::int AS i,
  id::bigint AS b, shipped_on::timestamp AS ts, (id % 2 = 0)::text AS even, express::int AS x
FROM sales.orders
WHERE id <= 40
ORDER BY id;

-- user: the latest order of each customer
SELECT DISTINCT ON (customer_id) customer_id, id, ordered_at, amount
FROM sales.orders
WHERE customer_id IS NOT NULL
ORDER BY customer_id, ordered_at DESC;

-- user: DISTINCT ON an expression, output column named by its number
SELECT DISTINCT ON (date_trunc('month', ordered_at)) date_trunc('month', ordered_at) AS month, id, amount
FROM sales.orders
ORDER BY 1, amount DESC NULLS LAST, id;

-- user: interval arithmetic
-- sends: sales: INTERVAL
SELECT id, ordered_at + interval '2 hours 30 minutes' AS later, ordered_at - interval '1 day' AS before,
  ordered_at + interval '1 year 2 days' AS next_year, shipped_on + interval '1 month' AS month_after
FROM sales.orders
WHERE id <= 30
ORDER BY id;

-- user: aggregate FILTER
SELECT status, count(*) FILTER (WHERE express) AS express, sum(amount) FILTER (WHERE discount > 0.1) AS discounted,
  count(*) AS all_orders
FROM sales.orders
GROUP BY status
ORDER BY status;

-- user: NULLS FIRST, LIMIT ALL
SELECT id, note FROM sales.orders
WHERE id <= 25
ORDER BY note NULLS FIRST, id
LIMIT ALL;

-- user: string_agg with DISTINCT and ORDER BY, array_agg
SELECT customer_id, string_agg(DISTINCT status, ',' ORDER BY status) AS statuses,
  array_agg(id ORDER BY id) AS ids
FROM sales.orders
WHERE customer_id <= 10
GROUP BY customer_id
ORDER BY customer_id;

-- user: E'' strings
SELECT id, E'#\t' || status || E'\\end' AS tagged FROM sales.orders WHERE id <= 5 ORDER BY id;

-- user: date arithmetic in days
-- sends: sales: -
SELECT id, shipped_on - ordered_at::date AS days, shipped_on + 7 AS week_later, shipped_on - 1 AS day_before,
  DATE '2024-12-31' - shipped_on AS to_new_year
FROM sales.orders
WHERE id <= 40
ORDER BY id;

-- user: date parts
-- sends: sales: date_part('dow'
SELECT id, date_part('dow', ordered_at) AS dow, date_part('hour', ordered_at) AS hour,
  extract(isodow FROM ordered_at) AS isodow, extract(doy FROM ordered_at) AS doy,
  extract(week FROM ordered_at) AS week, extract(epoch FROM ordered_at) AS epoch,
  extract(second FROM ordered_at) AS second
FROM sales.orders
WHERE id <= 30
ORDER BY id;

-- user: to_char of dates and numbers, make_date, age
-- sends: sales: to_char(
SELECT id, to_char(ordered_at, 'YYYY-MM') AS ym, to_char(ordered_at, 'Mon DD, YYYY HH24:MI') AS label,
  to_char(amount, 'FM999,990.00') AS money, to_char(discount, '0D99') AS rate,
  make_date(2023, extract(month FROM ordered_at)::int, 1) AS first_of_month,
  age(timestamp '2025-01-01 00:00:00', ordered_at)::text AS age
FROM sales.orders
WHERE id <= 30
ORDER BY id;

-- user: text functions
-- sends: sales: btrim(
SELECT id, length(note) AS len, upper(status) AS up, initcap(note) AS ic, left(status, 2) AS l,
  right(status, 3) AS r, lpad(status, 8, '*') AS lp, rpad(status, 8, '.') AS rp, btrim(note) AS bt,
  ltrim(note) AS lt, rtrim(note) AS rt, split_part(note, ',', 2) AS part, strpos(status, 'a') AS sp,
  position('e' in status) AS pos, replace(status, 'a', 'A') AS rep,
  regexp_replace(status, '[aeiou]', '_', 'g') AS rx, concat(status, '-', id) AS cc,
  concat_ws('/', status, note, id) AS cws, status || '!' AS bang, md5(status) AS hash
FROM sales.orders
WHERE id <= 30
ORDER BY id;

-- user: number functions
-- sends: sales: round(
SELECT id, round(amount, 1) AS r1, round(amount) AS r0, trunc(amount, 1) AS t1, trunc(amount) AS t0,
  ceil(discount) AS c, floor(amount) AS f, abs(amount - 500) AS ab, mod(id, 7) AS m, id % 7 AS pct,
  power(discount, 2) AS p, sqrt(amount) AS sq, greatest(amount, 100) AS g, least(discount, 0.2) AS le,
  round(discount) AS rd
FROM sales.orders
WHERE id <= 40
ORDER BY id;

-- user: boolean aggregates and percentiles
SELECT status, bool_and(express) AS all_express, bool_or(express) AS any_express,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median
FROM sales.orders
GROUP BY status
ORDER BY status;

-- user: CASE, COALESCE, NULLIF, IS DISTINCT FROM
-- sends: sales: CASE
SELECT id, CASE WHEN amount > 500 THEN 'big' WHEN amount > 100 THEN 'mid' ELSE 'small' END AS size,
  coalesce(note, '(none)') AS note, nullif(status, 'paid') AS not_paid,
  express IS DISTINCT FROM true AS not_express
FROM sales.orders
WHERE id <= 30
ORDER BY id;

-- user: text compared with date and number literals
-- sends: sales: WHERE
SELECT count(*) AS n FROM sales.orders
WHERE shipped_on >= '2023-05-01' AND shipped_on < '2023-06-01' AND amount > '100';

-- user: ILIKE and regular expressions
-- sends: sales: ILIKE
SELECT id, note FROM sales.orders WHERE note ILIKE '%gift%' OR note ~ '^Rush order, c' ORDER BY id;

-- user: window functions over a PostgreSQL table
SELECT id, amount, sum(amount) OVER (PARTITION BY status ORDER BY id) AS running,
  rank() OVER (ORDER BY amount DESC NULLS LAST, id) AS rnk
FROM sales.orders
WHERE id <= 40
ORDER BY id;

-- cross-source: revenue per country and month (two PostgreSQL databases)
SELECT c.country, date_trunc('month', o.ordered_at) AS month, sum(o.amount) AS revenue, count(*) AS orders
FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id
GROUP BY c.country, date_trunc('month', o.ordered_at)
ORDER BY c.country NULLS FIRST, month;

-- cross-source: signup year filter and text functions of joined rows
SELECT c.id, upper(c.name) AS name, extract(year FROM c.signup) AS signup_year,
  to_char(c.signup, 'YYYY-MM') AS ym, count(o.id) AS orders
FROM crm.customers c LEFT JOIN sales.orders o ON o.customer_id = c.id
WHERE extract(year FROM c.signup) = 2020
GROUP BY c.id, c.name, c.signup
ORDER BY c.id;

-- cross-source: computed in Jointure from both sides
SELECT o.id, c.name || ' / ' || o.status AS label, o.ordered_at::date - c.signup AS days_since_signup,
  date_trunc('week', o.ordered_at) AS week, round(o.amount * (1 - o.discount::numeric), 2) AS net
FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id
WHERE o.id <= 50
ORDER BY o.id;

-- cross-source: FILTER and bool_or over a join
SELECT c.country, count(*) FILTER (WHERE o.express) AS express, bool_or(c.vip) AS any_vip,
  sum(o.amount) FILTER (WHERE o.status = 'paid') AS paid
FROM crm.customers c JOIN sales.orders o ON o.customer_id = c.id
GROUP BY c.country
ORDER BY c.country NULLS LAST;

-- cross-source: DISTINCT ON over a join
SELECT DISTINCT ON (c.country) c.country, o.id, o.amount
FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id
WHERE o.amount IS NOT NULL
ORDER BY c.country, o.amount DESC, o.id;

-- cross-source: casts computed in Jointure
SELECT o.id, (o.amount + c.id)::int AS rounded, (o.discount * 10)::int AS tenths,
  (o.express OR c.vip)::text AS either, o.ordered_at::text AS at_text, c.signup::text AS signup_text
FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id
WHERE o.id <= 40
ORDER BY o.id;

-- mongodb: events per day
-- sends: shop: $dateToString
-- whole: shop
SELECT date_trunc('day', at) AS day, count(*) AS events FROM shop.events GROUP BY 1 ORDER BY 1;

-- mongodb: text and arithmetic MongoDB computes and groups by
-- sends: shop: $strLenCP
-- sends: shop: $concat
-- sends: shop: $multiply
-- whole: shop
SELECT length(label) AS len, kind || '/' || label AS tagged, customer_id * 2 + 1 AS n,
  count(*) AS events
FROM shop.events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- mongodb: a date part of a truncated date (MongoDB's truncation is text, no date to take a part of)
SELECT _id, extract(month FROM date_trunc('year', at)) AS m, date_trunc('month', at) AS month
FROM shop.events WHERE _id <= 12 ORDER BY _id;

-- mongodb: day of week and hour
-- sends: shop: "$group"
SELECT extract(dow FROM at) AS dow, date_part('hour', at) AS hour, count(*) AS n
FROM shop.events GROUP BY 1, 2 ORDER BY 1, 2;

-- mongodb: text functions
SELECT _id, upper(kind) AS kind, length(label) AS len, split_part(label, '/', 1) AS head,
  btrim(label, 'tg-') AS trimmed, initcap(kind) AS ic, lpad(kind, 6, '.') AS padded
FROM shop.events WHERE _id <= 30 ORDER BY _id;

-- mongodb: rounding and casts of doubles
SELECT _id, value, round(value) AS r, trunc(value) AS t, value::int AS i, value::text AS txt,
  (value * 2)::numeric(10,2) AS n, ceil(value) AS c
FROM shop.events WHERE _id <= 40 ORDER BY _id;

-- mongodb: grafana time filter
SELECT at AS "time", value FROM shop.events
WHERE at BETWEEN '2023-02-01T00:00:00Z' AND '2023-02-20T00:00:00Z'
ORDER BY 1, 2;

-- mongodb: FILTER, string_agg
SELECT customer_id, count(*) FILTER (WHERE kind = 'buy') AS buys,
  string_agg(kind, ',' ORDER BY kind) AS kinds
FROM shop.events WHERE customer_id <= 12 GROUP BY customer_id ORDER BY customer_id;

-- mongodb: date arithmetic and to_char
SELECT _id, at::date AS d, at::date - DATE '2023-01-01' AS day_number, at + interval '90 minutes' AS later,
  to_char(at, 'YYYY-MM-DD HH24:MI:SS') AS text
FROM shop.events WHERE _id <= 20 ORDER BY _id;

-- mongodb: DISTINCT ON
SELECT DISTINCT ON (kind) kind, _id, value FROM shop.events ORDER BY kind, value DESC, _id;

-- mongodb and postgresql: events of customers by country and month
SELECT c.country, date_trunc('month', e.at) AS month, count(*) AS events, sum(e.value) AS value
FROM shop.events e JOIN crm.customers c ON c.id = e.customer_id
GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2;

-- rest: revenue by month
SELECT date_trunc('month', issued) AS month, sum(total) AS total, count(*) AS invoices
FROM billing.invoices GROUP BY 1 ORDER BY 1;

-- rest: date arithmetic
SELECT id, issued - DATE '2023-01-01' AS day_number, issued + 30 AS due, extract(quarter FROM issued) AS q,
  to_char(issued, 'DD/MM/YYYY') AS fr
FROM billing.invoices WHERE customer_id <= 10 ORDER BY id;

-- rest: casts and number formats
SELECT id, paid::text AS paid, total::int AS whole, CAST(total AS varchar) AS t, to_char(total, 'FM9990.00') AS money,
  round(total, 0) AS r, total::numeric(10,1) AS one_place
FROM billing.invoices WHERE customer_id <= 10 ORDER BY id;

-- rest: boolean aggregates by category
SELECT category, bool_and(paid) AS all_paid, bool_or(paid) AS any_paid, count(*) FILTER (WHERE NOT paid) AS unpaid
FROM billing.invoices GROUP BY category ORDER BY category;

-- rest and postgresql: invoices against orders per customer
SELECT i.customer_id, count(DISTINCT i.id) AS invoices, max(o.ordered_at)::date AS last_order
FROM billing.invoices i JOIN sales.orders o ON o.customer_id = i.customer_id
WHERE i.customer_id <= 20
GROUP BY i.customer_id ORDER BY i.customer_id;

-- all four sources: a monthly dashboard
SELECT c.country, date_trunc('month', i.issued) AS month, sum(i.total) AS invoiced,
  count(DISTINCT e._id) AS events
FROM billing.invoices i
  JOIN crm.customers c ON c.id = i.customer_id
  LEFT JOIN shop.events e ON e.customer_id = c.id AND date_trunc('month', e.at) = date_trunc('month', i.issued)
WHERE c.country IS NOT NULL
GROUP BY 1, 2 ORDER BY 1, 2;

-- no source: date functions as users type them
SELECT date_trunc('week', timestamp '2024-03-17 13:45:12') AS week, date_trunc('quarter', DATE '2024-08-17') AS quarter,
  extract(dow FROM DATE '2024-03-17') AS dow, make_timestamp(2024, 2, 29, 10, 11, 12.5) AS ts,
  to_date('17/03/2024', 'DD/MM/YYYY') AS d, to_timestamp('2024-03-17 13:45', 'YYYY-MM-DD HH24:MI') AS t;

-- no source: now() and current dates compare
SELECT now() - interval '40 years' < timestamp '2000-01-01' AS long_ago, current_date > DATE '2020-01-01' AS recent,
  localtimestamp > timestamp '2020-01-01' AS later, current_timestamp >= now() - interval '1 minute' AS same;

-- no source: casts with PostgreSQL's rules
SELECT 3.5::int AS up, (-3.5)::int AS down, 2.5::float8::int AS even, 'yes'::boolean AS yes,
  ' 12 '::int AS trimmed, true::text AS t, 0.1::float8::text AS tenth, 1e15::float8::text AS big,
  12.345::numeric(5,2) AS two_places, 7::boolean AS seven;

-- metabase: is-empty filter and a month alias in GROUP BY
-- sends: sales: IS NULL
SELECT date_trunc('month', ordered_at) AS month, count(*) AS count
FROM sales.orders WHERE note IS NULL OR shipped_on IS NULL
GROUP BY month ORDER BY month;

-- superset: a derived metric over a cross-source join, with a row limit
SELECT c.country AS country, SUM(o.amount) / COUNT(DISTINCT o.customer_id) AS "per customer"
FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id
GROUP BY c.country ORDER BY "per customer" DESC NULLS LAST, country LIMIT 50;

-- tableau: a custom SQL subquery with a date range in the outer query
SELECT "Custom SQL Query"."kind" AS "kind", SUM("Custom SQL Query"."value") AS "sum:value:ok"
FROM (SELECT kind, value, at FROM shop.events) "Custom SQL Query"
WHERE "Custom SQL Query"."at" >= TIMESTAMP '2023-03-01 00:00:00' AND "Custom SQL Query"."at" < TIMESTAMP '2023-07-01 00:00:00'
GROUP BY 1 ORDER BY 1;

-- mongodb: text edge cases computed in Jointure
SELECT _id, left(kind, -1) AS l, right(kind, -2) AS r, reverse(kind) AS rev, to_char(at, 'YYYY"Q"Q') AS quarter,
  length(kind) AS len
FROM shop.events WHERE _id <= 10 ORDER BY _id;

-- rest: age of invoices computed in Jointure
SELECT id, age(TIMESTAMP '2025-06-30 00:00:00', issued)::text AS age, age(issued, TIMESTAMP '2023-06-15 12:00:00')::text AS since
FROM billing.invoices WHERE customer_id <= 8 ORDER BY id;

-- mongodb: median and a descending percentile computed in Jointure
SELECT kind, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median,
  percentile_cont(0.25) WITHIN GROUP (ORDER BY value DESC) AS upper_quartile
FROM shop.events GROUP BY kind ORDER BY kind;

-- cross-source: median order amount per country
SELECT c.country, percentile_cont(0.5) WITHIN GROUP (ORDER BY o.amount) AS median
FROM sales.orders o JOIN crm.customers c ON c.id = o.customer_id
GROUP BY c.country ORDER BY c.country NULLS FIRST;
