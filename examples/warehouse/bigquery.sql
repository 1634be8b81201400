-- revops in BigQuery: three JavaScript UDAFs over CRM and billing tables.
--
-- First run the CREATE statements that `npm run build` writes in a clone of the repository (they are
-- not in the npm package; TEMP functions live for one script or session, so run them in the same
-- script as these queries):
--   dist/warehouse/bigquery/win-rate.sql       RevopsWinRate       (inline body, under 32 KB)
--   dist/warehouse/bigquery/mrr-movements.sql  RevopsMrrMovements  (inline body, under 32 KB)
--   dist/warehouse/bigquery/commission.sql     RevopsStatement     (over 32 KB: copy
--     dist/warehouse/bigquery/commission.js to Cloud Storage and set the bucket in its OPTIONS)
-- Contract: https://cloud.google.com/bigquery/docs/user-defined-aggregates
--
-- Each function takes one STRUCT (or an ARRAY of them) and one options string (JSON, a literal:
-- a NOT AGGREGATE argument must be constant) and returns the library's result as JSON text.
-- Dates are passed as text (CAST(... AS STRING)), money as NUMERIC: the functions read an exact
-- NUMERIC whichever way BigQuery encodes it (a Number for whole values, text otherwise).

-- 1. Win rate and Wilson interval by owner, deals closed in 2026 Q1.
SELECT
  owner_id,
  CAST(JSON_VALUE(r, '$.winRate.rate') AS FLOAT64) AS win_rate,
  CAST(JSON_VALUE(r, '$.winRate.won') AS INT64) AS won,
  CAST(JSON_VALUE(r, '$.winRate.lost') AS INT64) AS lost,
  CAST(JSON_VALUE(r, '$.interval.lower') AS FLOAT64) AS wilson_lower,
  CAST(JSON_VALUE(r, '$.interval.upper') AS FLOAT64) AS wilson_upper
FROM (
  SELECT
    owner_id,
    RevopsWinRate(
      STRUCT(
        id, stage, owner_id, amount, currency,
        CAST(close_date AS STRING) AS close_date,
        FORMAT_TIMESTAMP('%Y-%m-%dT%H:%M:%SZ', created_at) AS created_at),
      '{"by": "count", "confidence": 0.95, "period": {"start": "2026-01-01", "end": "2026-03-31"}}') AS r
  FROM `my_project.crm.deals`
  GROUP BY owner_id
)
ORDER BY owner_id;

-- 2. MRR movements by month, 2026. A customer's whole history goes in one argument (ARRAY_AGG):
-- new vs reactivation depends on earlier months, so a customer is never split.
SELECT
  JSON_VALUE(m, '$.month') AS month,
  CAST(JSON_VALUE(m, '$.starting.amount') AS NUMERIC) AS starting_mrr,
  CAST(JSON_VALUE(m, '$.new.amount') AS NUMERIC) AS new_mrr,
  CAST(JSON_VALUE(m, '$.expansion.amount') AS NUMERIC) AS expansion_mrr,
  CAST(JSON_VALUE(m, '$.contraction.amount') AS NUMERIC) AS contraction_mrr,
  CAST(JSON_VALUE(m, '$.churned.amount') AS NUMERIC) AS churned_mrr,
  CAST(JSON_VALUE(m, '$.reactivation.amount') AS NUMERIC) AS reactivation_mrr,
  CAST(JSON_VALUE(m, '$.ending.amount') AS NUMERIC) AS ending_mrr
FROM (
  SELECT RevopsMrrMovements(customer_rows, '{"from": "2026-01", "to": "2026-12", "preset": "chartmogul"}') AS r
  FROM (
    SELECT
      customer_id,
      ARRAY_AGG(STRUCT(
        customer_id, subscription_id,
        CAST(period_start AS STRING) AS period_start,
        CAST(period_end AS STRING) AS period_end,
        mrr, currency)) AS customer_rows
    FROM `my_project.billing.subscription_revenue`
    GROUP BY customer_id
  )
), UNNEST(JSON_QUERY_ARRAY(r)) AS m
ORDER BY month;

-- 3. Commission earned by member over a credits table, January 2026 (the plan as JSON in a
-- script variable, so the options argument stays a constant).
DECLARE options STRING DEFAULT '''{
  "period": {"start": "2026-01-01", "end": "2026-01-31"},
  "plan": {"id": "ae-2026", "currency": "USD", "periodLength": "month",
    "versions": [{"id": "v1", "effectiveFrom": "2026-01-01", "components": [
      {"id": "base", "kind": "rate", "rate": "0.08"},
      {"id": "accelerator", "kind": "tiered", "basis": "attainment", "split": "marginal",
       "scope": "periodToDate", "boundary": "lower",
       "tiers": [{"from": "0", "to": "1", "rate": "0"}, {"from": "1", "rate": "0.04"}]}]}]}
}''';

SELECT
  member_id,
  JSON_VALUE(statement, '$.earned.amount') AS earned,
  JSON_VALUE(statement, '$.payable.amount') AS payable,
  CAST(JSON_VALUE(statement, '$.attainment') AS FLOAT64) AS attainment
FROM (
  SELECT
    c.member_id,
    RevopsStatement(
      STRUCT(
        c.id, c.deal_id, c.member_id, c.kind, c.amount, c.currency,
        CAST(c.date AS STRING) AS date, c.measure, c.units, c.deal_type, c.new_logo,
        STRUCT(
          m.id, m.name, m.role_id, m.team_id,
          CAST(m.start_date AS STRING) AS start_date,
          CAST(m.end_date AS STRING) AS end_date) AS member,
        q.amount AS quota),
      options) AS statement
  FROM `my_project.comp.credits` AS c
  JOIN `my_project.comp.members` AS m ON m.id = c.member_id
  JOIN `my_project.comp.quotas` AS q ON q.member_id = c.member_id AND q.period_start = DATE '2026-01-01'
  WHERE c.date BETWEEN DATE '2026-01-01' AND DATE '2026-01-31'
  GROUP BY c.member_id
)
ORDER BY member_id;
