-- The staff console: accounts, sessions and sign-in attempts (docs/fleet-console.md).
-- A session is found by the SHA-256 of its cookie's token: the table never holds a token that could
-- be replayed from a stolen backup. Passwords are scrypt hashes with their parameters and salt.

CREATE TABLE staff (
  name           text PRIMARY KEY,
  password_hash  text NOT NULL,
  created_at     timestamptz NOT NULL,
  password_set_at timestamptz NOT NULL
);

CREATE TABLE staff_sessions (
  token_hash     text PRIMARY KEY,
  staff_name     text NOT NULL REFERENCES staff (name) ON DELETE CASCADE,
  csrf_token     text NOT NULL,
  created_at     timestamptz NOT NULL,
  last_used_at   timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_name);

-- Every sign-in attempt, by the name as typed (whether or not such an account exists, so the
-- slowing-down cannot tell names apart) and by the client's address.
CREATE TABLE login_attempts (
  id        bigserial PRIMARY KEY,
  name      text NOT NULL,
  ip        text NOT NULL,
  at        timestamptz NOT NULL,
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempts_by_name ON login_attempts (name, at);
CREATE INDEX login_attempts_by_ip ON login_attempts (ip, at);

-- The terminals list reads only the rows changed since its last read (fleet/console/list-terminals.ts).
CREATE INDEX terminals_by_last_seen ON terminals (last_seen);
CREATE INDEX terminals_by_status_changed ON terminals (status_changed_at);
