/**
 * How long parsing and planning a realistic 30-line query takes (three joins, a window, a CTE,
 * grouping), after warm-up. Target: under 5 ms. Run: `npx tsx bench/sql-plan.ts`.
 * Planning here means parse + resolve + optimize + physical plan (no execution).
 */
import { SparkSession } from "../src/index.js";
import { physicalPlanOf } from "../src/execution/execute.js";

const spark = SparkSession.builder.appName("sql-plan-bench").getOrCreate();
spark.createDataFrame([[1, 10, 100, "2024-01-01", 3, 2.5, "completed"]],
  "order_id INT, customer_id INT, product_id INT, order_date STRING, quantity INT, unit_price DOUBLE, status STRING").createOrReplaceTempView("orders");
spark.createDataFrame([[10, "Ani", "Bandung"]], "customer_id INT, name STRING, city STRING").createOrReplaceTempView("customers");
spark.createDataFrame([[100, "Teh", "Minuman"]], "product_id INT, product STRING, category STRING").createOrReplaceTempView("products");
spark.createDataFrame([["Bandung", "Jawa Barat", "Jawa"]], "city STRING, province STRING, region STRING").createOrReplaceTempView("cities");

const QUERY = `
WITH completed AS (
  SELECT o.order_id, o.customer_id, o.product_id,
         CAST(o.order_date AS DATE) AS order_date,
         o.quantity * o.unit_price AS amount
  FROM orders o
  WHERE o.status = 'completed' AND o.quantity > 0
),
enriched AS (
  SELECT c.city, ci.province, ci.region, p.category, x.order_date, x.amount, x.customer_id
  FROM completed x
  JOIN customers c ON x.customer_id = c.customer_id
  JOIN products p ON x.product_id = p.product_id
  LEFT JOIN cities ci ON c.city = ci.city
)
SELECT region, province, city, category,
       date_format(order_date, 'yyyy-MM') AS month,
       sum(amount) AS revenue,
       count(DISTINCT customer_id) AS customers,
       avg(amount) AS avg_amount,
       min(amount) AS min_amount,
       max(amount) AS max_amount,
       count(*) AS orders,
       round(sum(amount) / count(*), 2) AS per_order,
       rank() OVER (PARTITION BY region ORDER BY sum(amount) DESC) AS rank_in_region
FROM enriched
WHERE amount IS NOT NULL
GROUP BY region, province, city, category, date_format(order_date, 'yyyy-MM')
HAVING sum(amount) > 0
ORDER BY region, revenue DESC
LIMIT 100
`;

function planOnce(): void {
  const df = spark.sql(QUERY);
  physicalPlanOf(df.plan, spark._executionSettings());
}

for (let i = 0; i < 200; i++) planOnce();
const times: number[] = [];
for (let i = 0; i < 500; i++) {
  const t = process.hrtime.bigint();
  planOnce();
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.floor(p * (times.length - 1))]!.toFixed(3);
console.log(`parse + plan of a ${QUERY.trim().split("\n").length}-line query (3 joins, window, CTE): median ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms (target < 5 ms)`);
