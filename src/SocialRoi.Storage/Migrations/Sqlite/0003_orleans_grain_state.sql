-- Orleans' ADO.NET grain persistence on SQLite (the provider's "System.Data.SQLite" invariant runs
-- on Microsoft.Data.Sqlite), written for SocialRoi from the provider's contract; see the PostgreSQL
-- migration of the same name for the parameters it binds and the columns it reads.
CREATE TABLE OrleansQuery (
    QueryKey  TEXT PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE orleans_grain_state (
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_n0    INTEGER NOT NULL,
    grain_n1    INTEGER NOT NULL,
    grain_key   TEXT    NOT NULL, -- '' for grains keyed by a number or guid alone
    payload     BLOB,
    version     INTEGER NOT NULL,
    modified_at TEXT    NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_n0, grain_n1, grain_key)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
'),
-- A first write (no version read) inserts; a later one updates only the version it read; no row back = a stale write.
('WriteToStorageKey', '
INSERT INTO orleans_grain_state AS s (service_id, state_name, grain_n0, grain_n1, grain_key, payload, version, modified_at)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''), @PayloadBinary, 1,
       strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM orleans_grain_state k
              WHERE k.service_id = @ServiceId AND k.state_name = @GrainTypeString AND k.grain_n0 = @GrainIdN0
                AND k.grain_n1 = @GrainIdN1 AND k.grain_key = coalesce(@GrainIdExtensionString, ''''))
ON CONFLICT (service_id, state_name, grain_n0, grain_n1, grain_key) DO UPDATE
SET payload = excluded.payload, version = s.version + 1, modified_at = excluded.modified_at
WHERE s.version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion
'),
('ClearStorageKey', '
UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '''')
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion
');

-- The accounts catalog (see the PostgreSQL migration): plain columns for listings, never Orleans' payload.
CREATE TABLE accounts (
    account        TEXT    PRIMARY KEY,
    display_name   TEXT,
    currency       TEXT    NOT NULL,
    lookback_days  INTEGER NOT NULL,
    half_life_days REAL    NOT NULL,
    margin         TEXT    NOT NULL, -- decimal, invariant text: exact
    goals          TEXT    NOT NULL, -- JSON array of { Id, Metric, Op, Target, From, To }
    updated_at     TEXT    NOT NULL
);

INSERT INTO accounts (account, display_name, currency, lookback_days, half_life_days, margin, goals, updated_at)
SELECT grain_id, json_extract(state, '$.Settings.DisplayName'), coalesce(json_extract(state, '$.Settings.Currency'), 'USD'),
       coalesce(json_extract(state, '$.Settings.LookbackDays'), 30), coalesce(json_extract(state, '$.Settings.HalfLifeDays'), 7),
       CAST(coalesce(json_extract(state, '$.Settings.Margin'), 1) AS TEXT), coalesce(json_extract(state, '$.Goals'), '[]'),
       updated_at
FROM grain_state WHERE grain_type = 'account';

DROP TABLE grain_state;
