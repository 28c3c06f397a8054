-- Retention (fleet/retention.ts): what stays of old reports, and what lets the periodic job find old
-- rows without reading whole tables. Needs only 001: the console's 002 may or may not be applied first.

-- One row per terminal per hall day (the day in the hall's time zone, as its reports gave it; UTC when
-- a report named no zone this engine knows), made from the reports rolled up and deleted after
-- --keep-reports-days: enough for the console's history (versions shown, checks, memory) once the
-- reports themselves are gone. Rolling up more reports of a day later merges into the same row.
CREATE TABLE report_rollups (
  public_key           text NOT NULL REFERENCES terminals (public_key),
  day                  date NOT NULL,
  time_zone            text NOT NULL,
  reports              integer NOT NULL,
  first_seq            bigint NOT NULL,
  last_seq             bigint NOT NULL,
  first_received       timestamptz NOT NULL,
  last_received        timestamptz NOT NULL,
  -- Distinct values seen that day, in the order first seen: content.showing.version and appVersion.
  versions_shown       jsonb NOT NULL,
  app_versions         jsonb NOT NULL,
  -- Feed checks as the reports saw them: distinct lastCheck values, and those where lastSuccess was not
  -- that check (it failed). last_check is the latest lastCheck seen, so a later merge does not count it twice.
  checks               integer NOT NULL,
  checks_failed        integer NOT NULL,
  last_check           text,
  feed_stale_reports   integer NOT NULL,
  refusals             integer NOT NULL,
  last_refusal         text,
  max_heap_bytes       bigint,
  max_render_failures  integer NOT NULL,
  max_watchdog_reloads integer NOT NULL,
  dropped_heartbeats   integer NOT NULL,
  dropped_events       integer NOT NULL,
  PRIMARY KEY (public_key, day)
);

-- Events are kept by when the service received them (their `at` is the terminal's clock, which may be
-- wrong). Rows from before this migration get its time; those whose report is still stored get the
-- report's time.
ALTER TABLE events ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();
UPDATE events e SET received_at = r.received_at FROM reports r WHERE r.public_key = e.public_key AND r.seq = e.seq;

-- The job deletes the oldest rows in batches; these indexes find them without a full scan.
CREATE INDEX reports_by_received ON reports (received_at);
CREATE INDEX events_by_received ON events (received_at);

-- Reports of an unapproved key are capped (the oldest go first); this counts how many went, for the console.
ALTER TABLE terminals ADD COLUMN pending_dropped bigint NOT NULL DEFAULT 0;

-- Each stored report marks done the commands the terminal was given before it: without this index that
-- update reads the whole commands table for every report.
CREATE INDEX commands_delivered_not_done ON commands (public_key) WHERE done_at IS NULL AND delivered_at IS NOT NULL;
