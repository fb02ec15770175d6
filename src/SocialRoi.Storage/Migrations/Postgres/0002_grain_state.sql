-- Versioned grain state: a write must name the etag it read (optimistic concurrency).
CREATE TABLE grain_state (
    grain_type text        NOT NULL,
    grain_id   text        NOT NULL,
    etag       text        NOT NULL,
    state      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_id)
);
