-- Orleans' ADO.NET grain persistence, written for SocialRoi from the provider's contract: at start-up
-- the provider reads its queries by key from OrleansQuery; it binds @ServiceId, @GrainTypeString
-- (the [PersistentState] name), @GrainIdN0, @GrainIdN1, @GrainIdExtensionString (a string grain's
-- key), @GrainStateVersion and @PayloadBinary, and reads the columns named in the AS clauses. It
-- also binds @GrainIdHash and @GrainTypeHash, which the primary key makes unnecessary here.
CREATE TABLE orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

-- One row per (service, state name, grain). version is the ETag: a write names the version it
-- read, and fails (Orleans' InconsistentStateException) when another activation wrote since.
CREATE TABLE orleans_grain_state (
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    grain_n0    bigint      NOT NULL,
    grain_n1    bigint      NOT NULL,
    grain_key   text        NOT NULL, -- '' for grains keyed by a number or guid alone
    payload     bytea,
    version     integer     NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_n0, grain_n1, grain_key)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '')
$q$),
-- A first write (no version read) inserts; a later one updates only the version it read. Either
-- way one statement, so two activations racing cannot both succeed. No row back = a stale write.
('WriteToStorageKey', $q$
INSERT INTO orleans_grain_state AS s (service_id, state_name, grain_n0, grain_n1, grain_key, payload, version)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM orleans_grain_state k
              WHERE k.service_id = @ServiceId AND k.state_name = @GrainTypeString AND k.grain_n0 = @GrainIdN0
                AND k.grain_n1 = @GrainIdN1 AND k.grain_key = coalesce(@GrainIdExtensionString, ''))
ON CONFLICT (service_id, state_name, grain_n0, grain_n1, grain_key) DO UPDATE
SET payload = excluded.payload, version = s.version + 1, modified_at = now()
WHERE s.version = @GrainStateVersion
RETURNING s.version AS "NewGrainStateVersion"
$q$),
('ClearStorageKey', $q$
UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = now()
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1 AND grain_key = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$q$);

-- The accounts catalog: each account grain copies its settings and goals here after every state
-- write, so listings and the bi views read plain columns, never Orleans' serialized state.
CREATE TABLE accounts (
    account        text             PRIMARY KEY,
    display_name   text,
    currency       text             NOT NULL,
    lookback_days  integer          NOT NULL,
    half_life_days double precision NOT NULL,
    margin         numeric          NOT NULL,
    goals          text             NOT NULL, -- JSON array of { Id, Metric, Op, Target, From, To }
    updated_at     timestamptz      NOT NULL DEFAULT now()
);

-- Settings and goals saved before Orleans move into the catalog; their grains adopt them at activation.
INSERT INTO accounts (account, display_name, currency, lookback_days, half_life_days, margin, goals)
SELECT g.grain_id, s #>> '{Settings,DisplayName}', coalesce(s #>> '{Settings,Currency}', 'USD'),
       coalesce((s #>> '{Settings,LookbackDays}')::int, 30), coalesce((s #>> '{Settings,HalfLifeDays}')::float8, 7),
       coalesce((s #>> '{Settings,Margin}')::numeric, 1), coalesce(s -> 'Goals', '[]'::jsonb)::text
FROM grain_state g CROSS JOIN LATERAL (SELECT g.state::jsonb AS s) parsed
WHERE g.grain_type = 'account';

CREATE OR REPLACE VIEW account_settings AS
SELECT a.account, coalesce(s.lookback_days, 30) AS lookback_days, coalesce(s.margin, 1) AS margin,
       coalesce(s.currency, 'USD') AS currency
FROM (SELECT DISTINCT account FROM events) a
LEFT JOIN accounts s ON s.account = a.account;

DROP TABLE grain_state;
