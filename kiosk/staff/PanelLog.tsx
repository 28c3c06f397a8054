/** The panel's problems: start-URL values ignored, the last refused update and why, the sync log, app health. */
import type { TFunction } from 'i18next';
import { useApp } from '../app/context.ts';
import { visitLanguage } from '../config.ts';
import { resilienceLog } from '../resilience/resilience-log.ts';
import { watchdogState } from '../resilience/watchdog.ts';
import { localTime, timeOfDay } from './format.ts';
import { lastRefusal } from './refusal.ts';

export function StartUrlNotes({ t }: { t: TFunction }) {
  const { settings, view } = useApp();
  const langNote = visitLanguage(settings, view.content.value.manifest).note;
  const notes = langNote ? [...settings.notes, langNote] : settings.notes;
  if (notes.length === 0) return null;
  return (
    <section class="staff-section problem" aria-labelledby="staff-notes">
      <h2 id="staff-notes">{t('section.notes')}</h2>
      <ul class="staff-list">
        {notes.map((n) => (
          <li key={n} class="staff-code">
            {n}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Refusal({ t }: { t: TFunction }) {
  const { sync, clock } = useApp();
  const refusal = lastRefusal(sync.status.value.log);
  if (!refusal) return null;
  return (
    <section class="staff-section problem" aria-labelledby="staff-refusal">
      <h2 id="staff-refusal">{t('section.refusal')}</h2>
      <p>
        <strong>{localTime(refusal.at, clock.timeZone.value)}</strong>{' '}
        <span class="staff-code">{refusal.message}</span>
      </p>
    </section>
  );
}

export function SyncLog({ t }: { t: TFunction }) {
  const log = useApp().sync.status.value.log;
  return (
    <section class="staff-section staff-log" aria-labelledby="staff-log">
      <h2 id="staff-log">{t('section.log')}</h2>
      {log.length === 0 ? (
        <p>{t('log.empty')}</p>
      ) : (
        <ol class="staff-list">
          {log.toReversed().map((e, i) => (
            <LogLine
              key={`${e.at}-${i}`}
              at={e.at}
              error={e.kind === 'error'}
              label={t(e.kind === 'error' ? 'log.error' : 'log.info')}
              message={e.message}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** Render failures, boot failures and watchdog reloads (kept across the reload they explain), and the heap. */
export function AppHealth({ t }: { t: TFunction }) {
  const events = resilienceLog.value;
  const { heapBytes, limitBytes, wish } = watchdogState.value;
  return (
    <section class="staff-section staff-log" aria-labelledby="staff-health">
      <h2 id="staff-health">{t('section.health')}</h2>
      <p>
        {heapBytes === undefined
          ? t('health.heapUnknown', { limit: mib(limitBytes) })
          : t('health.heap', { used: mib(heapBytes), limit: mib(limitBytes) })}
      </p>
      {wish && <p class="log-error">{t('health.pending', { reason: wish.reason })}</p>}
      {events.length === 0 ? (
        <p>{t('health.empty')}</p>
      ) : (
        <ol class="staff-list">
          {events.toReversed().map((e, i) => (
            <LogLine
              key={`${e.at}-${i}`}
              at={Date.parse(e.at)}
              error={e.kind !== 'reload'}
              label={t(`health.${e.kind}`)}
              message={e.message}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** One line of a log: when (month-day and time), what kind, and the message as written. */
function LogLine(p: { at: number; error: boolean; label: string; message: string }) {
  const timeZone = useApp().clock.timeZone.value;
  return (
    <li class={p.error ? 'log-error' : 'log-info'}>
      <span class="log-time">
        {localTime(p.at, timeZone).slice(5, 10)} {timeOfDay(p.at, timeZone)}
      </span>{' '}
      <strong class="log-kind">{p.label}</strong> <span class="staff-code">{p.message}</span>
    </li>
  );
}
