-- Versioned grain state: a write must name the etag it read (optimistic concurrency).
CREATE TABLE grain_state (
    grain_type TEXT NOT NULL,
    grain_id   TEXT NOT NULL,
    etag       TEXT NOT NULL,
    state      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (grain_type, grain_id)
);
