-- The log's key is (account, id), the idempotency key ingest checks; position only orders the
-- log, and nothing looks an event up by it (an account's events are read by account and put in
-- position order in memory). Its index cost PostgreSQL ~1 µs per stored event, a fifth of an
-- insert's work (docs/performance.md). Positions still come from the identity, one per event.
ALTER TABLE events DROP CONSTRAINT events_pkey;
-- What logical replication identifies a row by, which the dropped key was.
ALTER TABLE events REPLICA IDENTITY USING INDEX events_account_id_key;
