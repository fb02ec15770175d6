-- Each account's snapshot: its events up to a log position, in a compact binary form that an
-- activation reads much faster than their JSON (AccountReading.cs). Only a copy: the events
-- table stays the source of truth, and a snapshot can be deleted at any time.
CREATE TABLE account_snapshots (
    account  text    PRIMARY KEY,
    through  bigint  NOT NULL, -- the position of the last event it holds
    events   integer NOT NULL,
    format   integer NOT NULL, -- the version of the body's layout
    body     bytea   NOT NULL
);
-- Written whole and read whole: never compressed, an activation waits for it.
ALTER TABLE account_snapshots ALTER COLUMN body SET STORAGE EXTERNAL;
