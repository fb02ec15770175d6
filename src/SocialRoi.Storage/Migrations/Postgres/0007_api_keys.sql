-- API keys (SPEC §11): only the SHA-256 of each key is kept; the key is shown once, at creation.
-- Every node reads this table, so a key created or revoked on one node holds on all of them.
CREATE TABLE api_keys (
    id         text        PRIMARY KEY, -- public: keys list shows it, keys revoke takes it
    key_hash   text        NOT NULL UNIQUE, -- hex SHA-256 of the key
    scopes     text        NOT NULL, -- comma-separated: ingest, read, admin, metrics
    accounts   text        NOT NULL, -- comma-separated account names, or *
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
