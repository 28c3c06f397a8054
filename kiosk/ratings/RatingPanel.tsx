/**
 * One question, step by step: the five levels with words (a face beside), the reasons for 不满意 and
 * 非常不满意 as toggles (and which part of the guide was wrong), and the thank-you. The same panel sits at a
 * guide's end and in the dock's sheet; the rating model holds its state.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import {
  GUIDE_WRONG_REASON,
  isPoorRating,
  RATING_LEVEL_NAMES,
  RATING_LEVELS,
  type RatingLevel,
  type RatingPlace,
  WRONG_PART_NAMES,
  WRONG_PARTS,
} from '../../content/ratings.ts';
import { screenText } from '../access/use-read-aloud.ts';
import { useApp, useT } from '../app/context.ts';
import { Icon } from '../ui/Icon.tsx';
import { Face } from './Face.tsx';
import { type RatingFlow, type RatingTarget, targetKey } from './rating-model.ts';

type Names = { 'zh-CN': string; en: string };
/** A level's or a part's words in the visitor's language: Chinese for Chinese, English for any other. */
const named = (names: Names, locale: string) => (locale.startsWith('zh') ? names['zh-CN'] : names.en);

export function levelName(level: RatingLevel, locale: string): string {
  return named(RATING_LEVEL_NAMES[level], locale);
}

type PanelProps = {
  target: RatingTarget;
  place: RatingPlace;
  /** For the ids of the panel's headings: two panels may be on screen at once. */
  id: string;
  /** After the thanks: the hall's own question, offered once the guide is rated from the dock. */
  next?: () => void;
};

export function RatingPanel({ target, place, id, next }: PanelProps) {
  const { ratings, access, visit } = useApp();
  const f = ratings.flow.value;
  const flow = f && f.place === place && targetKey(f.target) === targetKey(target) ? f : undefined;
  const step = flow?.step ?? 'levels';
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const locale = visit.locale.value;
  const reading = access.readAloud.value && access.speech.canSpeak(locale);
  // A new step is announced: focus on its heading (screen readers), its words spoken in read-aloud mode.
  // The sheet's first step too; a guide's end is read with the guide, so its first step is not.
  useEffect(() => {
    const isFirst = first.current;
    first.current = false;
    if (isFirst && place === 'guide-end') return;
    heading.current?.focus({ preventScroll: place === 'dock' });
    if (!reading || !panel.current) return;
    const words = screenText(panel.current);
    const timer = setTimeout(() => access.speech.speak(words, locale), 150);
    return () => clearTimeout(timer);
  }, [step, reading, locale, place, access]);
  return (
    <div class={`rating-panel rating-step-${step}`} ref={panel}>
      {step === 'levels' && <Levels target={target} place={place} id={id} heading={heading} />}
      {step === 'reasons' && flow && <Reasons flow={flow} id={id} heading={heading} />}
      {step === 'thanks' && flow && <Thanks flow={flow} id={id} heading={heading} next={next} />}
    </div>
  );
}

type StepProps = { id: string; heading: RefObject<HTMLHeadingElement | null> };

function Levels({ target, place, id, heading }: StepProps & { target: RatingTarget; place: RatingPlace }) {
  const { ratings, visit } = useApp();
  const t = useT('ratings');
  return (
    <>
      <div class="rating-head">
        <h2 id={`${id}-question`} ref={heading} tabindex={-1}>
          {target.subject === 'guide' ? t('guideQuestion') : t('hallQuestion')}
        </h2>
        <p class="rating-hint">{t('hint')}</p>
      </div>
      <fieldset class="rating-levels" aria-labelledby={`${id}-question`}>
        {RATING_LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            class="rating-level"
            data-level={level}
            onClick={() => ratings.choose(target, place, level)}
          >
            <Face level={level} />
            <span>{levelName(level, visit.locale.value)}</span>
          </button>
        ))}
      </fieldset>
      <div class="rating-actions">
        <button type="button" class="rating-not-now" onClick={() => ratings.dismiss(target)}>
          {t('notNow')}
        </button>
      </div>
    </>
  );
}

function Reasons({ flow, id, heading }: StepProps & { flow: RatingFlow }) {
  const { ratings, view, visit } = useApp();
  const t = useT('ratings');
  const locale = visit.locale.value;
  const text = view.text.value;
  const wrongOn = flow.reasons.includes(GUIDE_WRONG_REASON);
  return (
    <>
      <div class="rating-head">
        <h2 id={`${id}-reasons`} ref={heading} tabindex={-1}>
          {t('reasonsTitle')}
        </h2>
        <p class="rating-hint">
          {flow.level !== undefined && t('chosen', { level: levelName(flow.level, locale) })}{' '}
          {t('reasonsHint')}
        </p>
      </div>
      <div class="rating-body">
        <fieldset class="rating-toggles" aria-labelledby={`${id}-reasons`}>
          {ratings.reasons.value.map((r) => (
            <Toggle
              key={r.id}
              label={text(r.label)}
              on={flow.reasons.includes(r.id)}
              onClick={() => ratings.toggleReason(r.id)}
            />
          ))}
        </fieldset>
        {wrongOn && (
          <>
            <h3 id={`${id}-wrong`}>{t('wrongTitle')}</h3>
            <fieldset class="rating-toggles" aria-labelledby={`${id}-wrong`}>
              {WRONG_PARTS.map((part) => (
                <Toggle
                  key={part}
                  label={named(WRONG_PART_NAMES[part], locale)}
                  on={flow.wrong.includes(part)}
                  onClick={() => ratings.toggleWrong(part)}
                />
              ))}
            </fieldset>
          </>
        )}
      </div>
      <div class="rating-actions">
        <button type="button" class="rating-not-now" onClick={() => ratings.dismiss()}>
          {t('notNow')}
        </button>
        <button type="button" class="rating-send" onClick={() => ratings.submit()}>
          {t('send')}
        </button>
      </div>
    </>
  );
}

/** A large toggle whose state is said in words and by its check, never by colour alone. */
function Toggle({ label, on, onClick }: { label: string; on: boolean; onClick: () => void }) {
  const t = useT('ratings');
  return (
    <button type="button" class={`rating-toggle${on ? ' is-on' : ''}`} aria-pressed={on} onClick={onClick}>
      <span class="rating-box" aria-hidden="true">
        {on && <Icon name="check" size={32} />}
      </span>
      <span class="rating-toggle-name">{label}</span>
      {on && (
        <span class="rating-toggle-state" aria-hidden="true">
          {t('on')}
        </span>
      )}
    </button>
  );
}

function Thanks({ flow, id, heading, next }: StepProps & { flow: RatingFlow; next?: () => void }) {
  const { ratings } = useApp();
  const t = useT('ratings');
  const poor = flow.level !== undefined && isPoorRating(flow.level);
  return (
    <>
      <div class="rating-head rating-thanks-head">
        <Icon name="check" size={48} />
        <h2 id={`${id}-thanks`} ref={heading} tabindex={-1}>
          {t('thanks')}
        </h2>
        <p class="rating-hint">{poor ? t('thanksPoor') : t('thanksBody')}</p>
      </div>
      <div class="rating-actions">
        {next && (
          <button type="button" class="rating-next" onClick={next}>
            {t('alsoHall')}
          </button>
        )}
        <button type="button" class="rating-close" onClick={() => ratings.dismiss()}>
          {t('close')}
        </button>
      </div>
    </>
  );
}
