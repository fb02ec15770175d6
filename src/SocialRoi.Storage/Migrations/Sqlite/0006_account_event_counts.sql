-- Each account's number of stored events. Listing accounts (the accounts API, every /metrics
-- scrape) read it by counting the whole log, ~40–87 ms per million events; the append that stores
-- events now adds them here in its own transaction. A row trigger would keep it too, but costs
-- ~1.2 µs per row on SQLite's single writer; the writer adds one row per account per commit.
CREATE TABLE account_event_counts (
    account TEXT    PRIMARY KEY,
    events  INTEGER NOT NULL
) WITHOUT ROWID;

-- A database from before this table: its events counted once. Migrations hold the write lock.
INSERT INTO account_event_counts (account, events) SELECT account, COUNT(*) FROM events GROUP BY account;
