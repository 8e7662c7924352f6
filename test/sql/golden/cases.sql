-- Spark SQL golden cases. Expected results come from PySpark 4.0.1 (oracle.py), never by hand.
-- Format: "-- setup" blocks run first (in order); each "-- case: <id> [unordered]" block is one
-- statement whose columns, dtypes and rows are compared ("unordered" sorts rows first).

-- setup
CREATE OR REPLACE TEMP VIEW sales AS VALUES
  (1, 'A', 'pen', 10, 1.50, DATE '2024-01-01'),
  (2, 'B', 'pen', 20, 1.50, DATE '2024-01-02'),
  (3, 'A', 'ink', 5, 7.25, DATE '2024-01-02'),
  (4, 'C', 'pad', 8, 3.00, DATE '2024-01-03'),
  (5, 'B', 'ink', NULL, 7.25, DATE '2024-01-05')
  AS sales(id, branch, item, qty, price, day)

-- setup
CREATE OR REPLACE TEMP VIEW branches AS VALUES ('A', 'Jakarta'), ('B', 'Bandung'), ('D', 'Medan') AS branches(code, city)

-- setup
CREATE OR REPLACE TEMP VIEW baskets AS VALUES (1, array('pen', 'ink')), (2, array('pad')), (3, CAST(NULL AS ARRAY<STRING>)) AS baskets(id, items)

-- case: select_star
SELECT * FROM sales

-- case: select_exprs
SELECT id, qty * 2 AS dbl, price * qty total, -qty AS neg, qty % 3, qty div 3 FROM sales

-- case: where_and_or unordered
SELECT id FROM sales WHERE qty > 5 AND branch = 'A' OR item = 'pad'

-- case: where_in_between_like unordered
SELECT id FROM sales WHERE branch IN ('A', 'C') AND qty BETWEEN 5 AND 10 AND item LIKE 'p%'

-- case: not_in_not_like unordered
SELECT id FROM sales WHERE branch NOT IN ('A') AND item NOT LIKE 'i%'

-- case: is_null unordered
SELECT id, qty IS NULL AS missing, qty IS NOT NULL AS present FROM sales

-- case: null_safe_equal unordered
SELECT id, qty <=> NULL, qty IS DISTINCT FROM 5 FROM sales

-- case: order_by_desc_nulls
SELECT id, qty FROM sales ORDER BY qty DESC NULLS LAST, id

-- case: order_by_default_nulls
SELECT id, qty FROM sales ORDER BY qty

-- case: order_by_not_selected
SELECT id FROM sales ORDER BY qty DESC NULLS LAST

-- case: order_by_ordinal
SELECT item, id FROM sales ORDER BY 1, 2 DESC

-- case: limit_offset
SELECT id FROM sales ORDER BY id LIMIT 2 OFFSET 1

-- case: distinct unordered
SELECT DISTINCT branch FROM sales

-- case: group_by_sum unordered
SELECT branch, sum(qty) AS total, count(*) AS n, count(qty), avg(price) FROM sales GROUP BY branch

-- case: group_by_ordinal unordered
SELECT branch, count(*) FROM sales GROUP BY 1

-- case: group_by_alias unordered
SELECT upper(item) AS it, count(*) AS n FROM sales GROUP BY it

-- case: having unordered
SELECT branch, sum(qty) AS total FROM sales GROUP BY branch HAVING sum(qty) > 10

-- case: having_alias unordered
SELECT branch, count(*) AS n FROM sales GROUP BY branch HAVING n > 1

-- case: having_not_selected unordered
SELECT branch FROM sales GROUP BY branch HAVING max(price) > 5

-- case: order_by_aggregate
SELECT branch FROM sales GROUP BY branch ORDER BY count(*) DESC, branch

-- case: global_aggregate
SELECT count(*), sum(qty), min(day), max(price) FROM sales

-- case: count_distinct
SELECT count(DISTINCT branch), count(DISTINCT item) FROM sales

-- case: rollup unordered
SELECT branch, item, sum(qty) AS q FROM sales GROUP BY ROLLUP(branch, item)

-- case: cube unordered
SELECT branch, sum(qty) AS q FROM sales GROUP BY CUBE(branch)

-- case: grouping_sets unordered
SELECT branch, item, count(*) AS n FROM sales GROUP BY GROUPING SETS ((branch), (item))

-- case: with_rollup unordered
SELECT branch, sum(qty) AS q FROM sales GROUP BY branch WITH ROLLUP

-- case: inner_join unordered
SELECT s.id, b.city FROM sales s JOIN branches b ON s.branch = b.code

-- case: left_join unordered
SELECT s.id, b.city FROM sales s LEFT OUTER JOIN branches b ON s.branch = b.code

-- case: right_join unordered
SELECT s.id, b.city FROM sales s RIGHT JOIN branches b ON s.branch = b.code

-- case: full_join unordered
SELECT s.id, b.code FROM sales s FULL OUTER JOIN branches b ON s.branch = b.code

-- case: semi_join unordered
SELECT * FROM branches b LEFT SEMI JOIN sales s ON s.branch = b.code

-- case: anti_join unordered
SELECT * FROM branches b ANTI JOIN sales s ON s.branch = b.code

-- case: cross_join unordered
SELECT b.code, x.n FROM branches b CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2) x

-- case: comma_join unordered
SELECT s.id, b.city FROM sales s, branches b WHERE s.branch = b.code

-- case: using_join unordered
SELECT * FROM sales JOIN (SELECT code AS branch, city FROM branches) USING (branch)

-- case: union_all unordered
SELECT branch FROM sales UNION ALL SELECT code FROM branches

-- case: union_distinct unordered
SELECT branch FROM sales UNION SELECT code FROM branches

-- case: intersect unordered
SELECT branch FROM sales INTERSECT SELECT code FROM branches

-- case: except unordered
SELECT code FROM branches EXCEPT SELECT branch FROM sales

-- case: set_precedence unordered
SELECT 1 AS x UNION SELECT 2 INTERSECT SELECT 2

-- case: union_order_limit
SELECT id FROM sales UNION ALL SELECT 10 ORDER BY id DESC LIMIT 3

-- case: cte_chain unordered
WITH a AS (SELECT id, qty FROM sales WHERE qty IS NOT NULL), b AS (SELECT id, qty * 10 AS q FROM a) SELECT * FROM b WHERE q > 60

-- case: subquery_from unordered
SELECT t.branch, t.total FROM (SELECT branch, sum(qty) AS total FROM sales GROUP BY branch) t WHERE t.total > 10

-- case: in_subquery unordered
SELECT id FROM sales WHERE branch IN (SELECT code FROM branches)

-- case: not_in_subquery unordered
SELECT code FROM branches WHERE code NOT IN (SELECT branch FROM sales)

-- case: scalar_subquery unordered
SELECT id, qty, (SELECT max(qty) FROM sales) AS top FROM sales

-- case: exists_uncorrelated
SELECT count(*) FROM branches WHERE EXISTS (SELECT 1 FROM sales WHERE qty > 15)

-- case: case_when unordered
SELECT id, CASE WHEN qty >= 10 THEN 'big' WHEN qty >= 5 THEN 'mid' ELSE 'small' END AS size FROM sales

-- case: case_simple unordered
SELECT id, CASE branch WHEN 'A' THEN 1 WHEN 'B' THEN 2 END AS code FROM sales

-- case: casts unordered
SELECT id, CAST(qty AS STRING) AS s, CAST(price AS INT) AS p, qty::double AS d, TRY_CAST(item AS INT) AS bad FROM sales

-- case: literals
SELECT 1, 10L, 2147483648, 1.5, 1.5D, 1e3, 5S, 5Y, 'it''s', 'a\tb', true, NULL, DATE '2024-02-29', TIMESTAMP '2024-01-01 10:30:00', X'0AFF'

-- case: concat_pipe unordered
SELECT id, item || '-' || branch AS tag FROM sales

-- case: string_functions unordered
SELECT id, upper(item), lower(branch), length(item), substring(item, 2, 2) FROM sales

-- case: window_row_number
SELECT id, branch, row_number() OVER (PARTITION BY branch ORDER BY id) AS rn FROM sales ORDER BY id

-- case: window_running_sum
SELECT id, sum(qty) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM sales ORDER BY id

-- case: window_named
SELECT id, rank() OVER w AS r, sum(qty) OVER w AS s FROM sales WINDOW w AS (PARTITION BY branch ORDER BY qty) ORDER BY id

-- case: window_lag
SELECT id, lag(qty, 1) OVER (ORDER BY id) AS prev FROM sales ORDER BY id

-- case: values_query
VALUES (1, 'a'), (2, 'b')

-- case: values_alias
SELECT * FROM VALUES (1, 'x'), (2, 'y') AS v(n, s) WHERE n > 1

-- case: range_tvf
SELECT id * 2 AS x FROM range(4) WHERE id > 0

-- case: select_no_from
SELECT 1 + 2 AS three, 'x' AS s

-- case: qualified_star unordered
SELECT b.*, s.id FROM sales s JOIN branches b ON s.branch = b.code

-- case: coalesce_if unordered
SELECT id, coalesce(qty, 0) AS q, if(qty > 8, 'hi', 'lo') AS lvl FROM sales

-- case: show_tables
SHOW TABLES

-- case: describe
DESCRIBE sales

-- case: error_unresolved_column
SELECT nope FROM sales

-- case: error_table_not_found
SELECT * FROM nope

-- case: error_syntax
SELECT id FROMM sales

-- case: error_missing_aggregation
SELECT branch, qty FROM sales GROUP BY branch

-- case: lateral_view unordered
SELECT id, item FROM baskets LATERAL VIEW explode(items) t AS item

-- case: lateral_view_outer unordered
SELECT id, t.item FROM baskets LATERAL VIEW OUTER explode(items) t AS item

-- case: lateral_view_posexplode unordered
SELECT id, p.pos, p.col FROM baskets LATERAL VIEW posexplode(items) p

-- case: set_conf
SET spark.sql.shuffle.partitions=4

-- case: cluster_by
SELECT id FROM sales CLUSTER BY id

-- case: subscript_and_field unordered
SELECT id, items[0] AS first_item, named_struct('n', id).n AS n FROM baskets

-- case: group_by_all unordered
SELECT branch, item, count(*) AS n FROM sales GROUP BY ALL

-- case: natural_join unordered
SELECT * FROM sales NATURAL JOIN (SELECT code AS branch, city FROM branches)

-- case: nested_set_ops unordered
(SELECT branch FROM sales EXCEPT SELECT 'C') UNION ALL (SELECT code FROM branches ORDER BY code LIMIT 1)

-- case: filter_clause
SELECT count(*) FILTER (WHERE qty > 8) AS big, sum(qty) FILTER (WHERE branch = 'A') AS a_qty FROM sales

-- case: params_in_cte unordered
WITH big AS (SELECT * FROM sales WHERE qty >= 10) SELECT branch, count(*) AS n FROM big GROUP BY branch

-- case: exists_correlated unordered
SELECT code FROM branches b WHERE EXISTS (SELECT 1 FROM sales s WHERE s.branch = b.code AND s.qty > 5)

-- case: not_exists_correlated unordered
SELECT code FROM branches b WHERE NOT EXISTS (SELECT 1 FROM sales s WHERE s.branch = b.code)

-- case: in_correlated unordered
SELECT id FROM sales s WHERE qty IN (SELECT qty FROM sales s2 WHERE s2.branch = s.branch AND s2.id <> s.id)

-- case: not_in_with_null unordered
SELECT code FROM branches WHERE code NOT IN (SELECT CAST(NULL AS STRING) UNION ALL SELECT 'A')

-- case: not_in_null_value unordered
SELECT id FROM sales WHERE qty NOT IN (SELECT 10)

-- case: in_subquery_self unordered
SELECT id FROM sales WHERE id IN (SELECT id FROM sales WHERE qty > 8)

-- case: not_exists_uncorrelated_empty unordered
SELECT code FROM branches WHERE NOT EXISTS (SELECT 1 FROM sales WHERE qty > 100)

-- case: scalar_subquery_where unordered
SELECT id, qty FROM sales WHERE qty > (SELECT avg(qty) FROM sales)

-- case: scalar_subquery_expression unordered
SELECT id, qty - (SELECT min(qty) FROM sales) FROM sales

-- case: scalar_subquery_in_aggregate_where unordered
SELECT branch, count(*) AS n FROM sales WHERE price < (SELECT max(price) FROM sales) GROUP BY branch

-- case: scalar_subquery_star unordered
SELECT * FROM sales WHERE qty > (SELECT avg(qty) FROM sales)

-- case: scalar_subquery_qualified_star unordered
SELECT s.*, (SELECT max(qty) FROM sales) AS m FROM sales s

-- case: correlated_scalar_where unordered
SELECT id, branch, qty FROM sales s WHERE qty > (SELECT avg(qty) FROM sales s2 WHERE s2.branch = s.branch)

-- case: correlated_scalar_select unordered
SELECT code, (SELECT sum(qty) FROM sales s WHERE s.branch = b.code) AS total FROM branches b

-- case: correlated_scalar_count unordered
SELECT code, (SELECT count(*) FROM sales s WHERE s.branch = b.code) FROM branches b

-- case: correlated_scalar_local_filter unordered
SELECT code, (SELECT max(qty) FROM sales s WHERE s.branch = b.code AND s.item = 'pen') AS pens FROM branches b

-- case: pivot_sum unordered
SELECT * FROM (SELECT item, branch, qty FROM sales) PIVOT (sum(qty) FOR branch IN ('A', 'B', 'C'))

-- case: pivot_aliases unordered
SELECT * FROM (SELECT item, branch, qty FROM sales) PIVOT (sum(qty) AS total, count(*) AS n FOR branch IN ('A' AS a, 'B' AS b))

-- case: pivot_unaliased_multi unordered
SELECT * FROM (SELECT item, branch, qty, price FROM sales) PIVOT (sum(qty), max(price) FOR branch IN ('A', 'B'))

-- case: special_forms
SELECT extract(YEAR FROM DATE '2024-03-05') AS y, trim(BOTH 'x' FROM 'xxaxx') AS t1, trim(LEADING FROM '  a ') AS t2, trim(TRAILING 'b' FROM 'abb') AS t3, position('b' IN 'abc') AS p, substring('hello' FROM 2 FOR 3) AS s

-- case: like_escape
SELECT 'a_b' LIKE 'a!_b' ESCAPE '!' AS e1, 'axb' LIKE 'a!_b' ESCAPE '!' AS e2, 'ABC' ILIKE 'a%' AS i, 'abc' RLIKE '^a.c$' AS r

-- case: is_true_unknown
SELECT true IS TRUE, NULL IS NOT FALSE, NULL IS UNKNOWN, 1 IS NOT DISTINCT FROM 1

-- case: struct_and_row unordered
SELECT id, struct(id AS k, item) AS s, (id, item) AS r FROM sales
