-- 好差评 (issue 13, docs/ratings.md): visitors' ratings as terminals report them, the catalogues that
-- name their services, and a case for every 差评 (the two lowest levels). Ratings are the record the
-- provincial export is made from: retention (fleet/retention.ts) never prunes them.

-- What one content version of one hall offers, as the first terminal to rate on it sent it.
CREATE TABLE catalogues (
  hall        text NOT NULL,
  version     bigint NOT NULL,
  received_at timestamptz NOT NULL,
  body        jsonb NOT NULL,
  PRIMARY KEY (hall, version)
);

-- One row per rating: (key, rating id) is what makes a rating sent twice count once. The service, its
-- 事项编码 and department are copied from the catalogue when stored, so a later content version that
-- renames or drops the service does not change what was rated.
CREATE TABLE ratings (
  public_key      text NOT NULL REFERENCES terminals (public_key),
  rating_id       text NOT NULL,
  seq             bigint NOT NULL,
  received_at     timestamptz NOT NULL,
  at              timestamptz NOT NULL,
  at_text         text NOT NULL,
  hall            text NOT NULL,
  content_version bigint NOT NULL,
  subject         text NOT NULL CHECK (subject IN ('guide', 'hall')),
  service         text,
  service_name    text,
  service_code    text,
  department      text,
  department_name text,
  level           smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  reasons         jsonb NOT NULL,
  wrong           jsonb,
  locale          text,
  PRIMARY KEY (public_key, rating_id)
);
CREATE INDEX ratings_by_at ON ratings (at);
-- A key's ratings by time: the flood check counts a key's ratings in the hours a report's ratings name
-- (fleet/store-ratings.ts), and a terminal's page lists its latest.
CREATE INDEX ratings_by_terminal ON ratings (public_key, at);
CREATE INDEX ratings_by_service ON ratings (hall, service, at);

-- A 差评 is a case until staff close it: new → rectifying (being rectified) → rectified.
CREATE TABLE rating_cases (
  public_key   text NOT NULL,
  rating_id    text NOT NULL,
  status       text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'rectifying', 'rectified')),
  opened_at    timestamptz NOT NULL,
  due_date     date NOT NULL,
  note         text NOT NULL DEFAULT '',
  changed_at   timestamptz,
  changed_by   text,
  closed_at    timestamptz,
  closed_by    text,
  PRIMARY KEY (public_key, rating_id),
  FOREIGN KEY (public_key, rating_id) REFERENCES ratings (public_key, rating_id)
);
CREATE INDEX rating_cases_open ON rating_cases (due_date) WHERE status <> 'rectified';

-- Ratings a stored report carried that the service would not store, and why (docs/ratings.md): the
-- console says how many, per terminal, so nothing is refused silently.
CREATE TABLE rating_refusals (
  id          bigserial PRIMARY KEY,
  public_key  text NOT NULL REFERENCES terminals (public_key),
  rating_id   text NOT NULL,
  seq         bigint NOT NULL,
  received_at timestamptz NOT NULL,
  reason      text NOT NULL,
  message     text NOT NULL
);
CREATE INDEX rating_refusals_by_terminal ON rating_refusals (public_key, received_at);

-- Ratings a terminal's full outbox dropped, as its reports counted them (dropped.ratings).
ALTER TABLE terminals ADD COLUMN ratings_dropped bigint NOT NULL DEFAULT 0;
