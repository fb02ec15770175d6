-- Read-only views for Grafana's PostgreSQL datasource and BI tools, in the bi schema.
-- They compute from the event log (the source of truth) with last-touch attribution (SPEC §4),
-- so they agree with the API's default model. Helper views stay in public, which the reader
-- role cannot read.

-- Every event with its fields parsed; at in microseconds (display), at_ticks for exact ordering.
CREATE VIEW event_fields AS
SELECT e.position, e.account, e.id, e.type, e.at_ticks,
       timestamptz 'epoch' + ((e.at_ticks - 621355968000000000) / 10) * interval '1 microsecond' AS at,
       b ->> 'platform' AS platform, b ->> 'actor' AS actor, b ->> 'customer' AS customer,
       b ->> 'post' AS post, b ->> 'ref' AS ref, (b ->> 'count')::bigint AS count,
       (b ->> 'amount')::numeric AS amount, b ->> 'campaign' AS campaign, b ->> 'category' AS category,
       (b ->> 'promotional')::boolean AS promotional, (b ->> 'automated')::boolean AS automated
FROM events e CROSS JOIN LATERAL (SELECT e.body::jsonb AS b) parsed;

-- Account settings as the account grain stored them (defaults when never set).
CREATE VIEW account_settings AS
SELECT a.account,
       coalesce((s.state::jsonb #>> '{Settings,LookbackDays}')::int, 30) AS lookback_days,
       coalesce((s.state::jsonb #>> '{Settings,Margin}')::numeric, 1) AS margin,
       coalesce(s.state::jsonb #>> '{Settings,Currency}', 'USD') AS currency
FROM (SELECT DISTINCT account FROM events) a
LEFT JOIN grain_state s ON s.grain_type = 'account' AND s.grain_id = a.account;

-- Last-touch credit of every social purchase and lead, and the take-back of refunds of social purchases:
-- one row per conversion or refund, with the credited post, its platform and campaign (SPEC §4).
CREATE VIEW last_touch_credits AS
WITH f AS MATERIALIZED (SELECT * FROM event_fields),
conversions AS (SELECT * FROM f WHERE type IN ('purchase', 'lead')),
members AS (
    SELECT account, id AS conversion_id, platform, actor FROM conversions WHERE actor IS NOT NULL
    UNION
    SELECT c.account, c.id, i.platform, i.actor
    FROM conversions c JOIN f i ON i.account = c.account AND i.type = 'identify' AND i.customer = c.customer
),
last_touch AS (
    SELECT DISTINCT ON (c.account, c.id) c.account, c.id AS conversion_id, c.type, c.at_ticks, c.at, c.amount,
           t.post, t.platform AS touch_platform
    FROM conversions c
    JOIN account_settings s ON s.account = c.account
    JOIN members m ON m.account = c.account AND m.conversion_id = c.id
    JOIN f t ON t.account = m.account AND t.platform = m.platform AND t.actor = m.actor
    WHERE t.type IN ('like', 'comment', 'share', 'click') AND t.post IS NOT NULL
      AND t.at_ticks BETWEEN c.at_ticks - s.lookback_days::bigint * 864000000000 AND c.at_ticks
    ORDER BY c.account, c.id, t.at_ticks DESC, t.id COLLATE "C" DESC
),
post_definitions AS (
    SELECT DISTINCT ON (account, post) account, post, platform, campaign
    FROM f WHERE type = 'post'
    ORDER BY account, post, at_ticks, id COLLATE "C"
),
credited AS (
    SELECT l.account, l.conversion_id AS event_id, l.type, l.at, l.post,
           coalesce(d.platform, l.touch_platform) AS platform, d.campaign,
           CASE WHEN l.type = 'purchase' THEN l.amount ELSE 0 END AS revenue,
           CASE WHEN l.type = 'purchase' THEN 1 ELSE 0 END AS conversions,
           CASE WHEN l.type = 'lead' THEN 1 ELSE 0 END AS leads
    FROM last_touch l LEFT JOIN post_definitions d ON d.account = l.account AND d.post = l.post
)
SELECT * FROM credited
UNION ALL
SELECT r.account, r.id, 'refund', r.at, c.post, c.platform, c.campaign, -r.amount, 0, 0
FROM f r JOIN credited c ON c.account = r.account AND c.event_id = r.ref AND c.type = 'purchase'
WHERE r.type = 'refund';

-- Whether each inbound event was answered (a reply referring to it, not earlier), SPEC §2/§5.
CREATE VIEW answered_inbound AS
SELECT i.account, i.id, i.platform, i.actor, i.post, i.at, i.at_ticks
FROM event_fields i
WHERE i.type IN ('comment', 'mention', 'message')
  AND EXISTS (SELECT 1 FROM event_fields r
              WHERE r.account = i.account AND r.type = 'reply' AND r.ref = i.id AND r.at_ticks >= i.at_ticks);

CREATE SCHEMA bi;

-- Per account, platform and UTC day: the summary counts, revenue, last-touch attributed revenue and cost.
-- platform is NULL for events without one (refunds, costs not tied to a platform, customer-only purchases).
-- Attributed revenue counts on the platform of the credited post, on the day of the purchase or refund.
CREATE VIEW bi.daily_account_metrics AS
WITH facts AS (
    SELECT account, platform, at, type, count, amount, 0::numeric AS attributed_revenue FROM event_fields
    UNION ALL
    SELECT account, platform, at, 'credit', NULL, NULL, revenue FROM last_touch_credits
)
SELECT account, platform, (at AT TIME ZONE 'UTC')::date AS day,
       count(*) FILTER (WHERE type = 'post') AS posts,
       coalesce(sum(count) FILTER (WHERE type = 'impression'), 0) AS impressions,
       count(*) FILTER (WHERE type = 'like') AS likes,
       count(*) FILTER (WHERE type = 'follow') AS follows,
       count(*) FILTER (WHERE type = 'unfollow') AS unfollows,
       count(*) FILTER (WHERE type = 'comment') AS comments,
       count(*) FILTER (WHERE type = 'share') AS shares,
       count(*) FILTER (WHERE type = 'mention') AS mentions,
       count(*) FILTER (WHERE type = 'message') AS messages,
       count(*) FILTER (WHERE type = 'click') AS clicks,
       count(*) FILTER (WHERE type = 'reply') AS replies,
       count(*) FILTER (WHERE type = 'lead') AS leads,
       count(*) FILTER (WHERE type = 'purchase') AS purchases,
       coalesce(sum(amount) FILTER (WHERE type = 'purchase'), 0) - coalesce(sum(amount) FILTER (WHERE type = 'refund'), 0) AS revenue,
       sum(attributed_revenue) AS attributed_revenue,
       coalesce(sum(amount) FILTER (WHERE type = 'cost'), 0) AS cost
FROM facts
GROUP BY account, platform, (at AT TIME ZONE 'UTC')::date;

-- Per account and calendar quarter (UTC): costs by category, revenue, last-touch ROI, new customers, CAC (SPEC §6).
CREATE VIEW bi.quarterly_roi AS
WITH money AS (
    SELECT account, date_trunc('quarter', at AT TIME ZONE 'UTC') AS quarter_start,
           coalesce(sum(amount) FILTER (WHERE type = 'cost'), 0) AS cost,
           coalesce(sum(amount) FILTER (WHERE type = 'cost' AND category = 'ads'), 0) AS cost_ads,
           coalesce(sum(amount) FILTER (WHERE type = 'cost' AND category = 'staff'), 0) AS cost_staff,
           coalesce(sum(amount) FILTER (WHERE type = 'cost' AND category = 'tools'), 0) AS cost_tools,
           coalesce(sum(amount) FILTER (WHERE type = 'cost' AND category = 'agency'), 0) AS cost_agency,
           coalesce(sum(amount) FILTER (WHERE type = 'cost' AND category = 'content'), 0) AS cost_content,
           coalesce(sum(amount) FILTER (WHERE type = 'cost' AND category = 'other'), 0) AS cost_other,
           coalesce(sum(amount) FILTER (WHERE type = 'purchase'), 0) - coalesce(sum(amount) FILTER (WHERE type = 'refund'), 0) AS revenue
    FROM event_fields WHERE type IN ('cost', 'purchase', 'refund')
    GROUP BY 1, 2
),
attributed AS (
    SELECT account, date_trunc('quarter', at AT TIME ZONE 'UTC') AS quarter_start, sum(revenue) AS attributed_revenue
    FROM last_touch_credits GROUP BY 1, 2
),
first_purchases AS (
    SELECT account, date_trunc('quarter', min(at) AT TIME ZONE 'UTC') AS quarter_start
    FROM event_fields WHERE type = 'purchase'
    GROUP BY account, coalesce(customer, platform || ':' || actor)
),
new_customers AS (SELECT account, quarter_start, count(*) AS new_customers FROM first_purchases GROUP BY 1, 2)
SELECT m.account,
       to_char(m.quarter_start, 'YYYY"Q"Q') AS period,
       m.quarter_start AT TIME ZONE 'UTC' AS start,
       (m.quarter_start + interval '3 months') AT TIME ZONE 'UTC' AS "end",
       m.cost, m.cost_ads, m.cost_staff, m.cost_tools, m.cost_agency, m.cost_content, m.cost_other,
       m.revenue,
       coalesce(a.attributed_revenue, 0) AS attributed_revenue,
       CASE WHEN m.cost = 0 THEN NULL ELSE (coalesce(a.attributed_revenue, 0) * s.margin - m.cost) / m.cost END AS roi,
       coalesce(n.new_customers, 0) AS new_customers,
       CASE WHEN coalesce(n.new_customers, 0) = 0 THEN NULL ELSE m.cost / n.new_customers END AS cac
FROM money m
JOIN account_settings s ON s.account = m.account
LEFT JOIN attributed a ON a.account = m.account AND a.quarter_start = m.quarter_start
LEFT JOIN new_customers n ON n.account = m.account AND n.quarter_start = m.quarter_start;

-- Per account, post and UTC day: the funnel of one piece of content (SPEC §7 by=post, last touch).
CREATE VIEW bi.post_funnel AS
WITH facts AS (
    SELECT account, post, at, type, count, 0::numeric AS attributed_revenue, 0 AS attributed_conversions, 0 AS attributed_leads, 0 AS conversations
    FROM event_fields WHERE post IS NOT NULL
    UNION ALL
    SELECT account, post, at, 'credit', NULL, revenue, conversions, leads, 0 FROM last_touch_credits
    UNION ALL
    SELECT account, post, at, 'conversation', NULL, 0, 0, 0, 1 FROM answered_inbound WHERE post IS NOT NULL
)
SELECT account, post, (at AT TIME ZONE 'UTC')::date AS day,
       count(*) FILTER (WHERE type = 'post') AS posts,
       coalesce(sum(count) FILTER (WHERE type = 'impression'), 0) AS impressions,
       count(*) FILTER (WHERE type = 'like') AS likes,
       count(*) FILTER (WHERE type IN ('comment', 'share', 'click')) AS engagements,
       sum(conversations) AS conversations,
       sum(attributed_leads) AS attributed_leads,
       sum(attributed_conversions) AS attributed_conversions,
       sum(attributed_revenue) AS attributed_revenue
FROM facts
GROUP BY account, post, (at AT TIME ZONE 'UTC')::date;

-- Every audience member with its tier from all its events so far (SPEC §2).
CREATE VIEW bi.audience AS
WITH member_events AS (
    SELECT account, platform, actor, type, id, at, at_ticks FROM event_fields
    WHERE actor IS NOT NULL AND type <> 'identify'
    UNION
    SELECT c.account, i.platform, i.actor, c.type, c.id, c.at, c.at_ticks
    FROM event_fields c JOIN event_fields i ON i.account = c.account AND i.type = 'identify' AND i.customer = c.customer
    WHERE c.type IN ('purchase', 'lead')
),
latest_follow AS (
    SELECT DISTINCT ON (account, platform, actor) account, platform, actor, type = 'follow' AS following
    FROM member_events WHERE type IN ('follow', 'unfollow')
    ORDER BY account, platform, actor, at_ticks DESC, id COLLATE "C" DESC
),
links AS (
    SELECT account, platform, actor, min(customer COLLATE "C") AS customer
    FROM event_fields WHERE type = 'identify' GROUP BY 1, 2, 3
)
SELECT m.account, m.platform, m.actor,
       CASE WHEN bool_or(m.type = 'purchase') THEN 'customer'
            WHEN bool_or(m.type = 'lead') THEN 'lead'
            WHEN bool_or(a.id IS NOT NULL) THEN 'conversational'
            WHEN bool_or(m.type IN ('comment', 'share', 'mention', 'message', 'click')) THEN 'engaged'
            ELSE 'vanity' END AS tier,
       coalesce(bool_or(f.following), false) AS following,
       min(m.at) AS first_seen, max(m.at) AS last_seen,
       min(l.customer) AS customer
FROM member_events m
LEFT JOIN answered_inbound a ON a.account = m.account AND a.id = m.id
LEFT JOIN latest_follow f ON f.account = m.account AND f.platform = m.platform AND f.actor = m.actor
LEFT JOIN links l ON l.account = m.account AND l.platform = m.platform AND l.actor = m.actor
GROUP BY m.account, m.platform, m.actor;

-- The role Grafana and BI tools log in as: it reads bi and nothing else. It is created without a
-- password (docs/operations.md says how to set one). Roles are cluster-wide: another database
-- of the same cluster may have created it already.
DO $$
BEGIN
    CREATE ROLE socialroi_reader LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END $$;
GRANT USAGE ON SCHEMA bi TO socialroi_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA bi TO socialroi_reader;
