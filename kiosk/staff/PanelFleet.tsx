/**
 * Reporting to the fleet service: on or off, where to, this terminal's device id and key fingerprint
 * (with a QR of both, for staff approving it in the console), the last report made and acknowledged,
 * the outbox, visitors' ratings waiting, dropped or refused, and a loud line when the service refuses
 * reports or has not answered for long.
 */
import type { TFunction } from 'i18next';
import { useApp } from '../app/context.ts';
import { fleetView, UNREACHABLE_LOUD_MS } from '../fleet/fleet-state.ts';
import { QrCode } from '../ui/QrCode.tsx';
import { bytes, localTime } from './format.ts';
import { Fact } from './PanelFacts.tsx';

function problemLine(
  t: TFunction,
  view: Extract<typeof fleetView.value, { on: true }>,
  now: number,
  zone: string,
) {
  const p = view.problem;
  if (!p) return undefined;
  const message = p.message;
  if (p.kind === 'revoked') return { loud: true, text: t('fleet.revoked', { message }) };
  if (p.kind === 'refused') return { loud: true, text: t('fleet.refused', { status: p.status, message }) };
  if (p.kind === 'broken') return { loud: true, text: t('fleet.broken', { message }) };
  if (p.kind === 'not-loaded') return { loud: true, text: t('fleet.notLoaded', { message }) };
  return now - p.since >= UNREACHABLE_LOUD_MS
    ? { loud: true, text: t('fleet.unreachable', { since: localTime(p.since, zone), message }) }
    : { loud: false, text: t('fleet.unreachableShort', { message }) };
}

export function FleetFacts({ t }: { t: TFunction }) {
  const { clock } = useApp();
  const view = fleetView.value;
  const zone = clock.timeZone.value;
  if (!view.on)
    return (
      <section class="staff-section" aria-labelledby="staff-fleet">
        <h2 id="staff-fleet">{t('fleet.section')}</h2>
        <dl>
          <Fact label={t('fleet.reporting')}>{t('fleet.off')}</Fact>
        </dl>
      </section>
    );
  const now = clock.now.value.getTime();
  const line = problemLine(t, view, now, zone);
  return (
    <section
      class={line?.loud ? 'staff-section staff-wide problem' : 'staff-section staff-wide'}
      aria-labelledby="staff-fleet"
    >
      <h2 id="staff-fleet">{t('fleet.section')}</h2>
      {line && (
        <p class={line.loud ? 'staff-alert' : 'staff-aside'} role={line.loud ? 'alert' : undefined}>
          {line.text}
        </p>
      )}
      <div class="staff-fleet">
        <dl>
          <Fact label={t('fleet.reporting')}>{t('fleet.on')}</Fact>
          <Fact label={t('fleet.url')}>
            <span class="staff-code">{view.url}</span>
          </Fact>
          <Fact label={t('fleet.device')}>
            <span class="staff-code">{view.deviceId ?? t('fleet.fingerprintWait')}</span>
          </Fact>
          <Fact label={t('fleet.fingerprint')}>
            <span class="staff-code">{view.fingerprint ?? t('fleet.fingerprintWait')}</span>
          </Fact>
          <Fact label={t('fleet.lastSent')}>
            {view.lastSent
              ? t('fleet.lastSentValue', { seq: view.lastSent.seq, time: localTime(view.lastSent.at, zone) })
              : t('value.never')}
          </Fact>
          <Fact label={t('fleet.lastAck')} problem={view.lastAck?.pending}>
            {view.lastAck
              ? t(view.lastAck.pending ? 'fleet.lastAckPending' : 'fleet.lastAckValue', {
                  seq: view.lastAck.seq,
                  time: localTime(view.lastAck.at, zone),
                })
              : t('value.never')}
          </Fact>
          <Fact label={t('fleet.outbox')}>
            {t('fleet.outboxValue', { count: view.outbox.reports, size: bytes(view.outbox.bytes) })}
            {view.nextTry !== undefined && view.outbox.reports > 0 && (
              <span class="staff-aside">{t('fleet.nextTry', { time: localTime(view.nextTry, zone) })}</span>
            )}
          </Fact>
          {(view.dropped.heartbeats > 0 || view.dropped.events > 0) && (
            <Fact label={t('fleet.dropped')} problem={view.dropped.events > 0}>
              {t('fleet.droppedValue', view.dropped)}
            </Fact>
          )}
          {view.ratings && (
            <Fact label={t('fleet.ratingsWaiting')}>
              {t('fleet.ratingsWaitingValue', { count: view.ratings.waiting })}
            </Fact>
          )}
          {view.ratings && view.ratings.dropped > 0 && (
            <Fact label={t('fleet.ratingsDropped')} problem>
              {t('fleet.ratingsDroppedValue', { count: view.ratings.dropped })}
            </Fact>
          )}
          {view.ratings && view.ratings.refused > 0 && (
            <Fact label={t('fleet.ratingsRefused')} problem>
              {t('fleet.ratingsRefusedValue', { count: view.ratings.refused })}
            </Fact>
          )}
        </dl>
        {view.deviceId && view.fingerprint && (
          <QrCode data={`${view.deviceId} ${view.fingerprint}`} label={t('fleet.qr')} size={200} />
        )}
      </div>
    </section>
  );
}
