-- Each account's number of stored events. Listing accounts (the accounts API, every /metrics
-- scrape) read it by counting the whole log; now each statement that stores events adds them
-- here, in the same transaction. A statement trigger covers both ways ingest writes (COPY and
-- INSERT … ON CONFLICT DO NOTHING), and sees only the rows actually stored.
CREATE TABLE account_event_counts (
    account text   PRIMARY KEY,
    events  bigint NOT NULL
);

CREATE FUNCTION count_stored_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- In account order, so that two statements storing several accounts cannot deadlock here.
    INSERT INTO account_event_counts (account, events)
    SELECT account, count(*) FROM stored GROUP BY account ORDER BY account
    ON CONFLICT (account) DO UPDATE SET events = account_event_counts.events + excluded.events;
    RETURN NULL;
END
$$;

-- The trigger first: creating it locks out writers until this migration commits, so the count
-- below sees every event committed before it and none can be stored uncounted meanwhile.
CREATE TRIGGER count_stored_events AFTER INSERT ON events
    REFERENCING NEW TABLE AS stored FOR EACH STATEMENT EXECUTE FUNCTION count_stored_events();

INSERT INTO account_event_counts (account, events) SELECT account, count(*) FROM events GROUP BY account;

-- The bi views' accounts are those with events: read from the counts, not found again by a scan
-- of the whole log on every bi query.
CREATE OR REPLACE VIEW account_settings AS
SELECT a.account, coalesce(s.lookback_days, 30) AS lookback_days, coalesce(s.margin, 1) AS margin,
       coalesce(s.currency, 'USD') AS currency
FROM account_event_counts a
LEFT JOIN accounts s ON s.account = a.account;
