/** The panel's problems: start-URL values ignored, the last refused update and why, and the sync log. */
import type { TFunction } from 'i18next';
import { useApp } from '../app/context.ts';
import { visitLanguage } from '../config.ts';
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
  const refusal = lastRefusal(useApp().sync.status.value.log);
  if (!refusal) return null;
  return (
    <section class="staff-section problem" aria-labelledby="staff-refusal">
      <h2 id="staff-refusal">{t('section.refusal')}</h2>
      <p>
        <strong>{localTime(refusal.at)}</strong> <span class="staff-code">{refusal.message}</span>
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
            <li key={`${e.at}-${i}`} class={e.kind === 'error' ? 'log-error' : 'log-info'}>
              <span class="log-time">
                {localTime(e.at).slice(5, 10)} {timeOfDay(e.at)}
              </span>{' '}
              <strong class="log-kind">{t(e.kind === 'error' ? 'log.error' : 'log.info')}</strong>{' '}
              <span class="staff-code">{e.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
