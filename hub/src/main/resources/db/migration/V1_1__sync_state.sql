-- Dunhub store, version 1.1: what the sync engine needs beyond V1. Portable SQL, as in V1.

-- The canonical image of each host record as last read from or written to it: the base of the
-- three-way merge that tells a host's own edits from values it has not received yet.
ALTER TABLE external_refs ADD COLUMN base_data TEXT;

-- The outbound queue is claimed by the canonical record's version instead of a sequence:
-- a row re-queued by a newer change is not deleted by a writer that wrote the older one.
DROP TABLE outbound_queue;
DROP SEQUENCE outbound_seq;
CREATE TABLE outbound_queue (
  connection        VARCHAR(100) NOT NULL,
  entity            VARCHAR(20)  NOT NULL,
  canonical_id      VARCHAR(36)  NOT NULL,
  canonical_version BIGINT       NOT NULL,
  queued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (connection, entity, canonical_id)
);
CREATE INDEX outbound_queue_order_idx ON outbound_queue (connection, entity, queued_at);

-- Who is running a stream: a lease taken with a conditional update, so two hub processes (or the
-- CLI beside the scheduler) never read the same stream at once; it expires if not renewed.
CREATE TABLE sync_leases (
  connection        VARCHAR(100) NOT NULL,
  stream            VARCHAR(100) NOT NULL,
  owner             VARCHAR(100),
  expires_at        TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (connection, stream)
);

-- Runs get text ids made by the engine (no generated-key round trip) and count deletes.
DROP TABLE sync_runs;
CREATE TABLE sync_runs (
  id                VARCHAR(36)  NOT NULL PRIMARY KEY,
  connection        VARCHAR(100) NOT NULL,
  stream            VARCHAR(100) NOT NULL,
  direction         VARCHAR(3)   NOT NULL,
  status            VARCHAR(20)  NOT NULL,
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at       TIMESTAMP WITH TIME ZONE,
  pages             INT          DEFAULT 0 NOT NULL,
  records_read      BIGINT       DEFAULT 0 NOT NULL,
  created           BIGINT       DEFAULT 0 NOT NULL,
  updated           BIGINT       DEFAULT 0 NOT NULL,
  unchanged         BIGINT       DEFAULT 0 NOT NULL,
  echoes            BIGINT       DEFAULT 0 NOT NULL,
  conflicts         BIGINT       DEFAULT 0 NOT NULL,
  parked            BIGINT       DEFAULT 0 NOT NULL,
  deleted           BIGINT       DEFAULT 0 NOT NULL,
  written           BIGINT       DEFAULT 0 NOT NULL,
  error             TEXT
);
CREATE INDEX sync_runs_stream_idx ON sync_runs (connection, stream, started_at);
