/** Is the terminal's clock plausible? Opening hours and effective dates depend on it. */
export type ClockCheck = { ok: true } | { ok: false; reason: 'before-publish'; published: string };

/** A clock earlier than the content's publish time is wrong (the content cannot come from the future). */
export function checkClock(now: Date, published: string): ClockCheck {
  // A few minutes of skew between the publishing machine and the terminal is normal.
  const slackMs = 10 * 60_000;
  return now.getTime() + slackMs < Date.parse(published)
    ? { ok: false, reason: 'before-publish', published }
    : { ok: true };
}
