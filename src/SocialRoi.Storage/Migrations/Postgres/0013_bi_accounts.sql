-- Every account as GET /api/v1/accounts lists it: those with events and those whose settings were
-- written first, with their settings and number of stored events. BI tools join their figures to it,
-- and the boards list their accounts from it: two small tables, where finding the accounts in a
-- figures view computed that view for every account first.
CREATE VIEW bi.accounts AS
SELECT coalesce(s.account, c.account) AS account, s.display_name, coalesce(s.currency, 'USD') AS currency,
       coalesce(s.lookback_days, 30) AS lookback_days, coalesce(s.half_life_days, 7) AS half_life_days,
       coalesce(s.margin, 1) AS margin, coalesce(c.events, 0) AS events
FROM accounts s FULL JOIN account_event_counts c ON c.account = s.account;

GRANT SELECT ON bi.accounts TO socialroi_reader;
