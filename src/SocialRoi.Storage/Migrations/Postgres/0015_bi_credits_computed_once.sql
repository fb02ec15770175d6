-- The last-touch credits compute each conversion's last touch once. Before, the refunds' rows joined
-- a second computation of every last touch of the account, which PostgreSQL cannot restrict to the
-- refunded purchases (a join does not reach inside DISTINCT ON): each query of the daily metrics,
-- the funnels or the quarterly ROI attributed the account's conversions twice, ~9 s each over a
-- million events. Now each credited purchase carries its refunds with it, and its row and its refunds'
-- rows come out of the one computation. Rows, columns and figures are unchanged.

-- Each purchase's refunds (SPEC §6), as arrays in the order of their ids.
CREATE VIEW refunds_by_purchase AS
SELECT account, ref AS purchase_id, array_agg(id ORDER BY id) AS ids, array_agg(at ORDER BY id) AS ats,
       array_agg(amount ORDER BY id) AS amounts
FROM event_fields WHERE type = 'refund'
GROUP BY account, ref;

-- One row per credited purchase or lead, and one per refund of a credited purchase, which takes back
-- its amount on the refund's own day from the same post (SPEC §4).
CREATE OR REPLACE VIEW last_touch_credits AS
SELECT l.account, x.event_id, x.type, x.at, l.post, coalesce(d.platform, l.touch_platform) AS platform, d.campaign,
       x.revenue, x.conversions, x.leads
FROM last_touches l
LEFT JOIN post_definitions d ON d.account = l.account AND d.post = l.post
LEFT JOIN refunds_by_purchase r ON r.account = l.account AND r.purchase_id = l.conversion_id AND l.type = 'purchase'
CROSS JOIN LATERAL (
    SELECT l.conversion_id, l.type, l.at,
           CASE WHEN l.type = 'purchase' THEN l.amount ELSE 0 END,
           CASE WHEN l.type = 'purchase' THEN 1 ELSE 0 END,
           CASE WHEN l.type = 'lead' THEN 1 ELSE 0 END
    UNION ALL
    SELECT u.id, 'refund', u.at, -u.amount, 0, 0 FROM unnest(r.ids, r.ats, r.amounts) AS u (id, at, amount)
) AS x (event_id, type, at, revenue, conversions, leads);
