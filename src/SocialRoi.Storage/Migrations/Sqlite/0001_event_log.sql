-- The append-only event log: the source of truth. (account, id) is the idempotency key.
CREATE TABLE events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    account   TEXT    NOT NULL,
    id        TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    at_ticks  INTEGER NOT NULL, -- UTC, 100 ns ticks since 0001-01-01
    body      TEXT    NOT NULL, -- canonical JSON of the event
    UNIQUE (account, id)
);
