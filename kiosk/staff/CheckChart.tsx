/**
 * Recent sync checks as a strip of bars, oldest left: a flaky network shows at a glance. Colour is
 * never the only carrier: updates rise high, unchanged checks rise half, failures hang below the line.
 */
import type { TFunction } from 'i18next';
import { CHECK_HISTORY } from '../../sync/status.ts';
import type { CheckRecord } from '../../sync/store.ts';
import { useApp } from '../app/context.ts';
import { timeOfDay } from './format.ts';

const SLOTS = CHECK_HISTORY;
const SLOT = 12;
const BAR = 8;
const BASE = 44;
const SHAPES: Record<CheckRecord['outcome'], { y: number; height: number; cls: string }> = {
  updated: { y: 4, height: BASE - 4, cls: 'bar-updated' },
  unchanged: { y: 24, height: BASE - 24, cls: 'bar-unchanged' },
  failed: { y: BASE + 2, height: 30, cls: 'bar-failed' },
};
const OUTCOMES = ['updated', 'unchanged', 'failed'] as const;

/** A small sample of each bar's shape, for the legend. */
function Glyph({ outcome }: { outcome: CheckRecord['outcome'] }) {
  const s = SHAPES[outcome];
  return (
    <svg class="chart-glyph" viewBox={`0 0 ${SLOT} 80`} preserveAspectRatio="none" aria-hidden="true">
      <line x1="0" x2={SLOT} y1={BASE + 1} y2={BASE + 1} class="chart-base" />
      <rect x={(SLOT - BAR) / 2} y={s.y} width={BAR} height={s.height} class={s.cls} />
    </svg>
  );
}

export function CheckChart({ checks, t }: { checks: CheckRecord[]; t: TFunction }) {
  const timeZone = useApp().clock.timeZone.value;
  const recent = checks.slice(-SLOTS);
  if (recent.length === 0) return <p>{t('chart.empty')}</p>;
  const count = (o: CheckRecord['outcome']) => recent.filter((c) => c.outcome === o).length;
  const counts = { updated: count('updated'), unchanged: count('unchanged'), failed: count('failed') };
  // The newest check sits at the right edge; a short history leaves the left empty.
  const offset = SLOTS - recent.length;
  return (
    <figure class="check-chart">
      <svg
        viewBox={`0 0 ${SLOTS * SLOT} 80`}
        role="img"
        aria-label={t('chart.summary', { total: recent.length, ...counts })}
        preserveAspectRatio="none"
      >
        <line x1="0" x2={SLOTS * SLOT} y1={BASE + 1} y2={BASE + 1} class="chart-base" />
        {recent.map((c, i) => {
          const s = SHAPES[c.outcome];
          return (
            <rect
              key={`${c.at}-${i}`}
              x={(offset + i) * SLOT + (SLOT - BAR) / 2}
              y={s.y}
              width={BAR}
              height={s.height}
              class={s.cls}
            >
              <title>{`${timeOfDay(c.at, timeZone)} ${t(`chart.${c.outcome}`)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span class="chart-axis">
          <span>{timeOfDay(recent[0]!.at, timeZone)}</span>
          <span>{timeOfDay(recent.at(-1)!.at, timeZone)}</span>
        </span>
        <span class="chart-legend">
          {OUTCOMES.map((o) => (
            <span key={o} class="chart-key">
              <Glyph outcome={o} /> {t(`chart.${o}`)} {counts[o]}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
