-- Per account, campaign and UTC day: the funnel of a campaign (SPEC §7 by=campaign, last touch).
-- post and cost events count under their own campaign, every other event under its post's campaign
-- (the first post event by (at, id) defines a post); there is no row for "no campaign".
CREATE VIEW bi.campaign_funnel AS
WITH post_campaigns AS (
    SELECT DISTINCT ON (account, post) account, post, campaign
    FROM event_fields WHERE type = 'post'
    ORDER BY account, post, at_ticks, id COLLATE "C"
),
facts AS (
    SELECT f.account, CASE WHEN f.type IN ('post', 'cost') THEN f.campaign ELSE p.campaign END AS campaign, f.at, f.type, f.count,
           0::numeric AS attributed_revenue, 0 AS attributed_conversions, 0 AS attributed_leads, 0 AS conversations,
           CASE WHEN f.type = 'cost' THEN f.amount ELSE 0 END AS cost
    FROM event_fields f LEFT JOIN post_campaigns p ON p.account = f.account AND p.post = f.post
    UNION ALL
    SELECT account, campaign, at, 'credit', NULL, revenue, conversions, leads, 0, 0 FROM last_touch_credits
    UNION ALL
    SELECT a.account, p.campaign, a.at, 'conversation', NULL, 0, 0, 0, 1, 0
    FROM answered_inbound a JOIN post_campaigns p ON p.account = a.account AND p.post = a.post
)
SELECT account, campaign, (at AT TIME ZONE 'UTC')::date AS day,
       count(*) FILTER (WHERE type = 'post') AS posts,
       coalesce(sum(count) FILTER (WHERE type = 'impression'), 0) AS impressions,
       count(*) FILTER (WHERE type = 'like') AS likes,
       count(*) FILTER (WHERE type IN ('comment', 'share', 'mention', 'message', 'click')) AS engagements,
       sum(conversations) AS conversations,
       sum(attributed_leads) AS attributed_leads,
       sum(attributed_conversions) AS attributed_conversions,
       sum(attributed_revenue) AS attributed_revenue,
       sum(cost) AS cost
FROM facts
WHERE campaign IS NOT NULL
GROUP BY account, campaign, (at AT TIME ZONE 'UTC')::date;

GRANT SELECT ON bi.campaign_funnel TO socialroi_reader;
