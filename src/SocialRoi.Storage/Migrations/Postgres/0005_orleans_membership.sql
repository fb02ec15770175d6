-- Orleans' ADO.NET clustering, written for SocialRoi from the provider's contract: the membership
-- table of each cluster (DeploymentId = the cluster id) with a version row that every change
-- bumps, so concurrent changes are serialised by optimistic concurrency. The queries bind
-- @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
-- @SuspectTimes, @StartTime, @IAmAliveTime and @Version, and read the columns named in AS clauses.
-- A query that answers TRUE/FALSE returns one row holding a count: 1 when it changed the table.
CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING RETURNING 1)
SELECT count(*) FROM inserted
$q$),
-- A new silo row, only together with a bump of the version the caller read.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM orleans_membership
                      WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                    start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1)
SELECT count(*) FROM inserted
$q$),
-- A silo's new status and suspicions, only together with a bump of the version the caller read.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND EXISTS (SELECT 1 FROM orleans_membership
                  WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1)
SELECT count(*) FROM updated
$q$),
-- Heartbeats do not change membership, so they leave the version alone.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
-- The version row always comes back, with one silo's row when it exists.
('MembershipReadRowKey', $q$
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
     AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadAllKey', $q$
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
-- Rows of silos that stopped heart-beating long ago and are no longer active (3 = Active).
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$q$);
