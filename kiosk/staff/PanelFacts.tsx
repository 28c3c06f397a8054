/** The panel's facts: this terminal (id, mode, app version, clock, time zone, storage) and its content versions. */
import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { canonicalTimeZone, systemTimeZone } from '../../content/hall-time.ts';
import type { VersionInfo } from '../../sync/index.ts';
import { useApp } from '../app/context.ts';
import { checkClock } from '../resilience/clock-check.ts';
import { ago, bytes, localTime } from './format.ts';
import { SpeechFact } from './SpeechFact.tsx';
import { useStorageEstimate } from './use-storage-estimate.ts';

declare const __APP_VERSION__: string;

/** One labelled fact of the panel; `problem` marks it as something staff must act on. */
export function Fact({
  label,
  children,
  problem,
}: {
  label: string;
  children: ComponentChildren;
  problem?: boolean;
}) {
  return (
    <div class={problem ? 'staff-fact problem' : 'staff-fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const versionText = (v: VersionInfo | undefined, t: TFunction, zone: string) =>
  v
    ? `${t('value.version', { version: v.version })} · ${t('value.publishedAt', { time: localTime(v.published, zone) })}`
    : t('value.none');

/**
 * The terminal's OS zone beside the hall's: every time here and on the visitor's screens is the hall's, so a
 * difference changes nothing shown, but staff comparing with the OS clock (or its logs) should know.
 */
function TimeZoneFact({ t, hall }: { t: TFunction; hall: string }) {
  const system = systemTimeZone();
  const differs = canonicalTimeZone(system) !== canonicalTimeZone(hall);
  return (
    <Fact label={t('field.timeZone')} problem={differs}>
      {differs ? t('value.timeZoneDiffers', { system, hall }) : t('value.timeZoneSame', { zone: hall })}
    </Fact>
  );
}

export function TerminalFacts({ t }: { t: TFunction }) {
  const { settings, terminalMode, view, clock, sync } = useApp();
  const storage = useStorageEstimate(sync.status.value.active?.version);
  const now = clock.now.value;
  const zone = clock.timeZone.value;
  const clockCheck = checkClock(now, view.content.value.channel.published);
  const source = terminalMode.source.value;
  return (
    <section class="staff-section" aria-labelledby="staff-terminal">
      <h2 id="staff-terminal">{t('section.terminal')}</h2>
      <dl>
        <Fact label={t('field.device')}>{settings.device ?? t('value.notSet')}</Fact>
        <Fact label={t('field.mode')}>
          <span>
            {t(terminalMode.mode.value === 'attract' ? 'value.modeAttract' : 'value.modeInteractive')}
          </span>
          <span class="staff-aside">
            {t(
              source === 'staff'
                ? 'value.fromStaff'
                : source === 'url'
                  ? 'value.fromUrl'
                  : 'value.fromDefault',
            )}
          </span>
        </Fact>
        <Fact label={t('field.app')}>{__APP_VERSION__}</Fact>
        <Fact label={t('field.clock')} problem={!clockCheck.ok}>
          {clockCheck.ok
            ? t('value.clockOk', { time: localTime(now.getTime(), zone) })
            : t('value.clockWrong', {
                time: localTime(now.getTime(), zone),
                published: localTime(clockCheck.published, zone),
              })}
        </Fact>
        <TimeZoneFact t={t} hall={zone} />
        <SpeechFact t={t} />
        <Fact label={t('field.storage')}>
          {storage === 'unknown'
            ? t('value.storageUnknown')
            : storage && (
                <>
                  {t('value.storage', {
                    used: bytes(storage.usage),
                    quota: bytes(storage.quota),
                    percent: Math.ceil((storage.usage / storage.quota) * 100),
                  })}
                  <span class="staff-meter" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, (storage.usage / storage.quota) * 100)}%` }} />
                  </span>
                </>
              )}
        </Fact>
      </dl>
    </section>
  );
}

export function ContentFacts({ t }: { t: TFunction }) {
  const { sync, settings, clock } = useApp();
  const s = sync.status.value;
  const now = clock.now.value.getTime();
  const zone = clock.timeZone.value;
  const when = (at: number | undefined) =>
    at === undefined ? t('value.never') : t('value.ago', { time: localTime(at, zone), ago: ago(at, now, t) });
  return (
    <section class="staff-section" aria-labelledby="staff-content">
      <h2 id="staff-content">{t('section.content')}</h2>
      <dl>
        <Fact label={t('field.active')}>{versionText(s.active, t, zone)} </Fact>
        <Fact label={t('field.staged')}>{versionText(s.staged, t, zone)} </Fact>
        <Fact label={t('field.previous')}>{versionText(s.previous, t, zone)} </Fact>
        <Fact label={t('field.lastCheck')}>{when(s.lastCheck)}</Fact>
        <Fact label={t('field.lastSuccess')} problem={s.lastSuccess === undefined || s.failures > 0}>
          {when(s.lastSuccess)}
          {s.failures > 0 && <span class="staff-aside">{t('value.failedSince', { count: s.failures })}</span>}
        </Fact>
        {s.nextCheck !== undefined && <Fact label={t('field.nextCheck')}>{when(s.nextCheck)}</Fact>}
        {/* Not "normal" while checks fail (a stalled or refused download): say the last reason. */}
        <Fact label={t('field.freshness')} problem={s.stale || s.failures > 0}>
          {s.stale
            ? t('value.stale')
            : s.failures > 0
              ? t('value.failing', { reason: s.log.findLast((e) => e.kind === 'error')?.message ?? '' })
              : t('value.fresh')}
        </Fact>
        <Fact label={t('field.feed')}>
          <span class="staff-code">
            {settings.feedUrl} · {settings.channel}
          </span>
        </Fact>
      </dl>
    </section>
  );
}
