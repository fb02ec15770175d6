-- Each account's count of stored events is now added by the statement after the one that stores
-- them, in the same transaction (as on SQLite), from what that statement reports stored. The
-- trigger made PostgreSQL copy every stored row, body and all, into a transition table only to
-- count it: ~10 % of the server's CPU during ingest (docs/performance.md).
DROP TRIGGER IF EXISTS count_stored_events ON events;
DROP FUNCTION IF EXISTS count_stored_events();
