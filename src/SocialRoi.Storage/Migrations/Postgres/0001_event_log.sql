-- The append-only event log: the source of truth. (account, id) is the idempotency key.
CREATE TABLE events (
    position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account   text   NOT NULL,
    id        text   NOT NULL,
    type      text   NOT NULL,
    at_ticks  bigint NOT NULL, -- UTC, 100 ns ticks since 0001-01-01 (finer than timestamptz's microseconds)
    body      text   NOT NULL, -- canonical JSON of the event, compared byte for byte to tell duplicates
    UNIQUE (account, id)
);
