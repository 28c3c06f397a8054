-- The fleet service's first schema: terminals, what they reported, and what staff asked of them.
-- Times the service sets are timestamptz; times a terminal reports stay text as it sent them (its
-- clock may be wrong, and the console shows it as sent). Keys are base64 text, as on the wire.
-- RETENTION (not built yet): reports, events and pending_reports grow with every report; the pruning
-- of old rows (keeping each terminal's last stored seq, so exactly-once still holds) goes here, in a
-- later migration and a periodic job.

CREATE TABLE terminals (
  public_key     text PRIMARY KEY,
  fingerprint    text NOT NULL UNIQUE,
  device_id      text NOT NULL,
  hall           text,
  place          text,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'revoked')),
  status_changed_at timestamptz,
  status_changed_by text,
  first_seen     timestamptz NOT NULL,
  last_seen      timestamptz NOT NULL,
  last_seq       bigint NOT NULL DEFAULT 0,
  latest_sent_at text,
  latest_status  jsonb
);

-- Stored reports of approved terminals: one row per (key, seq), which is what makes a resend a duplicate.
CREATE TABLE reports (
  public_key  text NOT NULL REFERENCES terminals (public_key),
  seq         bigint NOT NULL,
  received_at timestamptz NOT NULL,
  payload     text NOT NULL,
  UNIQUE (public_key, seq)
);

CREATE TABLE events (
  id          bigserial PRIMARY KEY,
  public_key  text NOT NULL REFERENCES terminals (public_key),
  seq         bigint NOT NULL,
  at          text NOT NULL,
  kind        text NOT NULL,
  message     text NOT NULL
);
CREATE INDEX events_by_terminal ON events (public_key, id);

-- Reports from keys no one has approved: kept apart so nothing unapproved reaches reports or events;
-- moved there, in order, when staff approve the key.
CREATE TABLE pending_reports (
  public_key  text NOT NULL REFERENCES terminals (public_key),
  seq         bigint NOT NULL,
  received_at timestamptz NOT NULL,
  payload     text NOT NULL,
  signature   text NOT NULL,
  UNIQUE (public_key, seq)
);

CREATE TABLE commands (
  id            text PRIMARY KEY,
  public_key    text NOT NULL REFERENCES terminals (public_key),
  kind          text NOT NULL CHECK (kind IN ('sync-now', 'reload', 'set-mode')),
  mode          text CHECK (mode IN ('interactive', 'attract', 'default')),
  given_at      timestamptz NOT NULL,
  given_by      text NOT NULL,
  delivered_at  timestamptz,
  delivered_seq bigint,
  done_at       timestamptz
);
CREATE INDEX commands_undelivered ON commands (public_key) WHERE delivered_at IS NULL;
