-- Each account's snapshot: its events up to a log position, in a compact binary form that an
-- activation reads much faster than their JSON (AccountReading.cs). Only a copy: the events
-- table stays the source of truth, and a snapshot can be deleted at any time.
CREATE TABLE account_snapshots (
    account  TEXT    PRIMARY KEY,
    through  INTEGER NOT NULL, -- the position of the last event it holds
    events   INTEGER NOT NULL,
    format   INTEGER NOT NULL, -- the version of the body's layout
    body     BLOB    NOT NULL
);
