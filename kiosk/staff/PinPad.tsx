/** The PIN pad: large on-screen digits (a terminal has no keyboard), masked entry, and the lockout (lockout.ts). */
import { useEffect, useState } from 'preact/hooks';
import { useApp, useT } from '../app/context.ts';
import { countdown } from './format.ts';
import {
  afterWrongPin,
  type Lockout,
  loadLockout,
  noLockout,
  remainingWait,
  saveLockout,
  triesBeforeWait,
} from './lockout.ts';
import { pinMatches } from './pin-hash.ts';

/** 12: the longest PIN `npm run pin` makes. */
const MAX_DIGITS = 12;
/**
 * OK waits for 4 digits, the shortest PIN `npm run pin` ever made (it now makes 6 to 12, but older hashes
 * stay valid): a visitor's tap of a digit or two and OK is not a guess, so it does not count as one.
 */
const MIN_DIGITS = 4;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Milliseconds left of the lockout, re-rendering each second while there are any. */
function useRemainingWait(lockout: Lockout): number {
  const [, tick] = useState(0);
  const remaining = remainingWait(lockout, Date.now());
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => tick((n) => n + 1), Math.min(1000, remaining));
    return () => clearTimeout(timer);
  });
  return remaining;
}

export function PinPad({ onUnlock, onCancel }: { onUnlock: () => void; onCancel: () => void }) {
  const { settings } = useApp();
  const t = useT('staff');
  const [digits, setDigits] = useState('');
  const [lockout, setLockout] = useState(() => loadLockout(globalThis.localStorage));
  const [checking, setChecking] = useState(false);
  const [wrong, setWrong] = useState(false);
  const remaining = useRemainingWait(lockout);
  const locked = remaining > 0;

  const submit = async () => {
    if (locked || checking || digits.length < MIN_DIGITS) return;
    setChecking(true);
    const ok = await pinMatches(digits, settings.staffPin);
    setChecking(false);
    setDigits('');
    const next = ok ? noLockout : afterWrongPin(lockout, Date.now());
    saveLockout(globalThis.localStorage, next);
    setLockout(next);
    setWrong(!ok);
    if (ok) onUnlock();
  };
  // No typing while a PIN is being checked: the check ends by clearing the entry, which would drop
  // digits typed meanwhile and leave a part of the next PIN.
  const press = (digit: string) => {
    if (!locked && !checking && digits.length < MAX_DIGITS) setDigits(digits + digit);
  };

  let message = '';
  if (locked) message = t('pin.locked', { time: countdown(remaining) });
  else if (checking) message = t('pin.checking');
  else if (wrong)
    message =
      triesBeforeWait(lockout, Date.now()) > 0
        ? t('pin.wrong', { count: triesBeforeWait(lockout, Date.now()) })
        : t('pin.wrongWait');

  return (
    <section class="pin-pad" aria-labelledby="pin-title">
      <h2 id="pin-title">{t('pin.title')}</h2>
      <output class="pin-dots" aria-label={t('pin.entered', { count: digits.length })}>
        {Array.from({ length: Math.max(digits.length, 4) }, (_, i) => (
          <span key={i} class={i < digits.length ? 'pin-dot filled' : 'pin-dot'} />
        ))}
      </output>
      <p class={locked || wrong ? 'pin-message problem' : 'pin-message'} role="status">
        {message}
      </p>
      <div class="pin-keys">
        {KEYS.map((d) => (
          <button
            key={d}
            type="button"
            class="pin-key"
            disabled={locked || checking}
            onClick={() => press(d)}
          >
            {d}
          </button>
        ))}
        <button
          type="button"
          class="pin-key pin-key-word"
          disabled={locked || checking || digits.length === 0}
          onClick={() => setDigits(digits.slice(0, -1))}
        >
          {t('pin.delete')}
        </button>
        <button type="button" class="pin-key" disabled={locked || checking} onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          class="pin-key pin-key-word pin-enter"
          disabled={locked || checking || digits.length < MIN_DIGITS}
          onClick={() => void submit()}
        >
          {t('pin.enter')}
        </button>
      </div>
      <button type="button" class="staff-button pin-cancel" onClick={onCancel}>
        {t('pin.cancel')}
      </button>
    </section>
  );
}
