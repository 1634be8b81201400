-- revops in Snowflake: JavaScript UDTFs over CRM and billing tables.
--
-- First run the CREATE statements that `npm run build` writes in a clone of the repository (they are
-- not in the npm package; all code inline: Snowflake has no import for JavaScript):
--   dist/warehouse/snowflake/win-rate.sql       REVOPS_WIN_RATE_PARTIAL / _FINAL
--   dist/warehouse/snowflake/mrr-movements.sql  REVOPS_MRR_MOVEMENTS_PARTIAL / _FINAL
--   dist/warehouse/snowflake/commission.sql     REVOPS_STATEMENT_PARTIAL / _FINAL
-- Contract: https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-tabular-functions
--
-- Snowflake has no JavaScript aggregate function, so each computation is two table functions:
-- _PARTIAL(row OBJECT, options VARCHAR) writes one summary per partition (partition by the group
-- and a hash bucket, for parallelism), _FINAL(summary VARIANT, options VARCHAR) merges a group's
-- summaries and writes the result. Money and dates travel as VARCHAR inside the OBJECT: a NUMBER
-- would reach JavaScript as a double.

-- 1. Win rate and Wilson interval by owner, deals closed in 2026 Q1.
WITH partial AS (
  SELECT d.owner_id, p.summary
  FROM crm.deals AS d,
    TABLE(REVOPS_WIN_RATE_PARTIAL(
      OBJECT_CONSTRUCT(
        'id', d.id, 'stage', d.stage, 'owner_id', d.owner_id,
        'amount', d.amount::VARCHAR, 'currency', d.currency,
        'close_date', TO_VARCHAR(d.close_date, 'YYYY-MM-DD')),
      '{"by": "count", "confidence": 0.95, "period": {"start": "2026-01-01", "end": "2026-03-31"}}')
      OVER (PARTITION BY d.owner_id, MOD(ABS(HASH(d.id)), 8))) AS p
)
SELECT
  partial.owner_id,
  f.result:winRate.rate::FLOAT AS win_rate,
  f.result:winRate.won::INTEGER AS won,
  f.result:winRate.lost::INTEGER AS lost,
  f.result:interval.lower::FLOAT AS wilson_lower,
  f.result:interval.upper::FLOAT AS wilson_upper
FROM partial,
  TABLE(REVOPS_WIN_RATE_FINAL(
    partial.summary,
    '{"by": "count", "confidence": 0.95, "period": {"start": "2026-01-01", "end": "2026-03-31"}}')
    OVER (PARTITION BY partial.owner_id)) AS f
ORDER BY partial.owner_id;

-- 2. MRR movements by month, 2026. Partitions hold whole customers (a hash of the customer) and
-- ORDER BY customer_id keeps each customer's rows together: a summary never sees part of one.
WITH partial AS (
  SELECT p.summary
  FROM billing.subscription_revenue AS s,
    TABLE(REVOPS_MRR_MOVEMENTS_PARTIAL(
      OBJECT_CONSTRUCT(
        'customer_id', s.customer_id, 'subscription_id', s.subscription_id,
        'period_start', TO_VARCHAR(s.period_start, 'YYYY-MM-DD'),
        'period_end', TO_VARCHAR(s.period_end, 'YYYY-MM-DD'),
        'mrr', s.mrr::VARCHAR, 'currency', s.currency),
      '{"from": "2026-01", "to": "2026-12", "preset": "chartmogul"}')
      OVER (PARTITION BY MOD(ABS(HASH(s.customer_id)), 16) ORDER BY s.customer_id)) AS p
)
SELECT
  m.value:month::VARCHAR AS month,
  m.value:starting.amount::NUMBER(38, 2) AS starting_mrr,
  m.value:new.amount::NUMBER(38, 2) AS new_mrr,
  m.value:expansion.amount::NUMBER(38, 2) AS expansion_mrr,
  m.value:contraction.amount::NUMBER(38, 2) AS contraction_mrr,
  m.value:churned.amount::NUMBER(38, 2) AS churned_mrr,
  m.value:reactivation.amount::NUMBER(38, 2) AS reactivation_mrr,
  m.value:ending.amount::NUMBER(38, 2) AS ending_mrr
FROM partial,
  TABLE(REVOPS_MRR_MOVEMENTS_FINAL(
    partial.summary, '{"from": "2026-01", "to": "2026-12", "preset": "chartmogul"}') OVER ()) AS f,
  LATERAL FLATTEN(input => f.result) AS m
ORDER BY month;

-- 3. Commission earned by member over a credits table, January 2026.
SET options = '{
  "period": {"start": "2026-01-01", "end": "2026-01-31"},
  "plan": {"id": "ae-2026", "currency": "USD", "periodLength": "month",
    "versions": [{"id": "v1", "effectiveFrom": "2026-01-01", "components": [
      {"id": "base", "kind": "rate", "rate": "0.08"},
      {"id": "accelerator", "kind": "tiered", "basis": "attainment", "split": "marginal",
       "scope": "periodToDate", "boundary": "lower",
       "tiers": [{"from": "0", "to": "1", "rate": "0"}, {"from": "1", "rate": "0.04"}]}]}]}
}';

WITH partial AS (
  SELECT c.member_id, p.summary
  FROM comp.credits AS c
    JOIN comp.members AS m ON m.id = c.member_id
    JOIN comp.quotas AS q ON q.member_id = c.member_id AND q.period_start = '2026-01-01',
    TABLE(REVOPS_STATEMENT_PARTIAL(
      OBJECT_CONSTRUCT(
        'id', c.id, 'deal_id', c.deal_id, 'member_id', c.member_id, 'kind', c.kind,
        'amount', c.amount::VARCHAR, 'currency', c.currency,
        'date', TO_VARCHAR(c.date, 'YYYY-MM-DD'), 'measure', c.measure, 'units', c.units,
        'deal_type', c.deal_type, 'new_logo', c.new_logo,
        'member', OBJECT_CONSTRUCT(
          'id', m.id, 'name', m.name, 'role_id', m.role_id, 'team_id', m.team_id,
          'start_date', TO_VARCHAR(m.start_date, 'YYYY-MM-DD'),
          'end_date', TO_VARCHAR(m.end_date, 'YYYY-MM-DD')),
        'quota', q.amount::VARCHAR),
      $options)
      OVER (PARTITION BY c.member_id, MOD(ABS(HASH(c.id)), 8))) AS p
  WHERE c.date BETWEEN '2026-01-01' AND '2026-01-31'
)
SELECT
  partial.member_id,
  f.result:earned.amount::VARCHAR AS earned,
  f.result:payable.amount::VARCHAR AS payable,
  f.result:attainment::FLOAT AS attainment
FROM partial,
  TABLE(REVOPS_STATEMENT_FINAL(partial.summary, $options) OVER (PARTITION BY partial.member_id)) AS f
ORDER BY partial.member_id;
