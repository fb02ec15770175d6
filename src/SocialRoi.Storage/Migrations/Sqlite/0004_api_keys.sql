-- API keys (SPEC §11): only the SHA-256 of each key is kept; the key is shown once, at creation.
CREATE TABLE api_keys (
    id         TEXT PRIMARY KEY,     -- public: keys list shows it, keys revoke takes it
    key_hash   TEXT NOT NULL UNIQUE, -- hex SHA-256 of the key
    scopes     TEXT NOT NULL,        -- comma-separated: ingest, read, admin, metrics
    accounts   TEXT NOT NULL,        -- comma-separated account names, or *
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
