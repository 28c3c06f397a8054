/**
 * The question at a guide's end: the five levels inline; once rated in this visit, "已评价，谢谢" instead;
 * once dismissed, or while the dock's sheet asks the same, nothing.
 */
import { useApp, useT } from '../app/context.ts';
import { Icon } from '../ui/Icon.tsx';
import { RatingPanel } from './RatingPanel.tsx';
import type { RatingTarget } from './rating-model.ts';
import './style.css';

export function GuideRating({ service }: { service: string }) {
  const { ratings } = useApp();
  const t = useT('ratings');
  const target: RatingTarget = { subject: 'guide', service };
  const flow = ratings.flow.value;
  const here =
    flow?.place === 'guide-end' && flow.target.service === service && flow.target.subject === 'guide';
  if (!ratings.asks('guide-end')) return null;
  const outcome = ratings.outcome(target);
  if (!here && outcome === 'dismissed') return null;
  // The dock's sheet is asking about this very guide: one question on screen, not the same one twice.
  const asking = flow?.place === 'dock' && flow.step !== 'thanks';
  if (asking && flow.target.subject === 'guide' && flow.target.service === service) return null;
  return (
    <section class="rating rating-inline" aria-label={t('guideQuestion')}>
      {!here && outcome === 'given' ? (
        <p class="rating-done">
          <Icon name="check" size={36} /> {t('rated')}
        </p>
      ) : (
        <RatingPanel target={target} place="guide-end" id="guide-rating" />
      )}
    </section>
  );
}
