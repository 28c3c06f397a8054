/**
 * One visit's 好差评 (docs/rating-screens.md): what the terminal offers (filled once the fleet code has
 * loaded), the question under way (levels → reasons → thanks), and what this visit has already given or
 * dismissed, so nothing is asked twice. A rating is made and handed on only when the visitor finishes it;
 * a half-given one is dropped by a dismissal, by leaving, or by the end of the visit.
 */
import { computed, signal } from '@preact/signals';
import {
  GUIDE_WRONG_REASON,
  isPoorRating,
  type RatingLevel,
  type RatingPlace,
  type WrongPart,
} from '../../content/ratings.ts';
import type { Rating } from '../../fleet/protocol.ts';
import type { ActiveContent } from '../../sync/index.ts';
import type { RatingsOffer } from '../fleet/catalogue.ts';
import { describeError, logResilienceEvent } from '../resilience/resilience-log.ts';

export type { RatingsOffer };

/** What is rated: a guide, or the hall's service (with the guide on screen, if any). */
export type RatingTarget = { subject: 'guide'; service: string } | { subject: 'hall'; service?: string };
export const targetKey = (t: RatingTarget): string => (t.subject === 'guide' ? `guide:${t.service}` : 'hall');

export type RatingStep = 'levels' | 'reasons' | 'thanks';
export type RatingFlow = {
  target: RatingTarget;
  /** Where it is asked: inline at the guide's end, or in the sheet the dock opens. */
  place: RatingPlace;
  step: RatingStep;
  level?: RatingLevel;
  reasons: string[];
  wrong: WrongPart[];
};
export type Outcome = 'given' | 'dismissed';

export type RatingOptions = {
  content: () => ActiveContent;
  locale: () => string;
  /** The terminal's clock (the e2e fake clock drives it). */
  now: () => Date;
  /** Hands a finished rating on (kiosk/ratings/submit.ts); a failure is logged, never shown to the visitor. */
  send: (rating: Rating, content: ActiveContent) => Promise<void>;
  /** How long the thank-you stays before it goes by itself. */
  thanksMs?: number;
  newId?: () => string;
};

const THANKS_MS = 4_000;

/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The rating a finished flow makes: reasons only for levels 1–2, the wrong parts only with 指南有误. */
export function makeRating(
  flow: RatingFlow & { level: RatingLevel },
  content: ActiveContent,
  at: Date,
  locale: string,
  id: string,
): Rating {
  const reasons = isPoorRating(flow.level) ? flow.reasons : [];
  const wrong = reasons.includes(GUIDE_WRONG_REASON) && flow.wrong.length > 0 ? flow.wrong : undefined;
  return {
    id,
    at: at.toISOString(),
    subject: flow.target.subject,
    hall: content.hall.id,
    contentVersion: content.version,
    ...(flow.target.service !== undefined ? { service: flow.target.service } : {}),
    level: flow.level,
    reasons,
    ...(wrong ? { wrong } : {}),
    locale,
  };
}

export function createRatingModel(o: RatingOptions) {
  const offer = signal<RatingsOffer | undefined>(undefined);
  const flow = signal<RatingFlow | undefined>(undefined);
  const outcomes = signal<ReadonlyMap<string, Outcome>>(new Map());
  let thanksTimer: ReturnType<typeof setTimeout> | undefined;

  const mark = (target: RatingTarget, outcome: Outcome) => {
    outcomes.value = new Map(outcomes.value).set(targetKey(target), outcome);
  };
  const close = () => {
    clearTimeout(thanksTimer);
    flow.value = undefined;
  };
  /** Made and handed on at once; the visitor is thanked whatever happens to it next. */
  const finish = (f: RatingFlow & { level: RatingLevel }) => {
    const content = o.content();
    const rating = makeRating(f, content, o.now(), o.locale(), (o.newId ?? randomId)());
    mark(f.target, 'given');
    flow.value = { ...f, step: 'thanks' };
    clearTimeout(thanksTimer);
    const shown = flow.value;
    thanksTimer = setTimeout(() => {
      if (flow.peek() === shown) flow.value = undefined;
    }, o.thanksMs ?? THANKS_MS);
    o.send(rating, content).catch((error: unknown) => {
      // The visitor's tap already got its thanks: the failure is for staff, loudly, where they look: the
      // staff panel's health log and (as an error event) the fleet console, besides the console.
      console.error('[sunlight ratings] a rating could not be queued: it is lost', error, rating);
      logResilienceEvent(
        'rating',
        `a ${rating.subject} rating (level ${rating.level}${rating.service ? `, ${rating.service}` : ''}) could not be queued and is lost: ${describeError(error)}`,
      );
    });
  };
  const asks = (place: RatingPlace) => {
    const on = offer.value;
    return on?.on === true && on.places.includes(place);
  };

  return {
    offer,
    flow: computed(() => flow.value),
    outcomes: computed(() => outcomes.value),
    /** The reasons offered for 不满意 and 非常不满意. */
    reasons: computed(() => offer.value?.reasons ?? []),
    asks,
    /** Whether this thing may still be asked in this visit (asked at `place`, neither given nor dismissed). */
    open: (target: RatingTarget, place: RatingPlace) => asks(place) && !outcomes.value.has(targetKey(target)),
    outcome: (target: RatingTarget) => outcomes.value.get(targetKey(target)),
    /** The sheet the dock opens: its first question. */
    start(target: RatingTarget, place: RatingPlace) {
      close();
      flow.value = { target, place, step: 'levels', reasons: [], wrong: [] };
    },
    /** A level tapped: 3–5 are sent at once; 1–2 ask why first. */
    choose(target: RatingTarget, place: RatingPlace, level: RatingLevel) {
      const f: RatingFlow & { level: RatingLevel } = {
        target,
        place,
        step: 'levels',
        level,
        reasons: [],
        wrong: [],
      };
      if (!isPoorRating(level)) return finish(f);
      close();
      flow.value = { ...f, step: 'reasons' };
    },
    toggleReason(id: string) {
      const f = flow.value;
      if (f?.step !== 'reasons') return;
      const on = f.reasons.includes(id);
      const reasons = on ? f.reasons.filter((r) => r !== id) : [...f.reasons, id];
      // The parts belong to 指南有误: switched off with it, so none is sent without it.
      const wrong = id === GUIDE_WRONG_REASON && on ? [] : f.wrong;
      flow.value = { ...f, reasons, wrong };
    },
    toggleWrong(part: WrongPart) {
      const f = flow.value;
      if (f?.step !== 'reasons' || !f.reasons.includes(GUIDE_WRONG_REASON)) return;
      const wrong = f.wrong.includes(part) ? f.wrong.filter((p) => p !== part) : [...f.wrong, part];
      flow.value = { ...f, wrong };
    },
    /** 提交 on the reasons screen (reasons may be none). */
    submit() {
      const f = flow.value;
      if (f?.step !== 'reasons' || f.level === undefined) return;
      finish({ ...f, level: f.level });
    },
    /** 不评价, a tap outside the sheet, or leaving the screen: a question not finished is dismissed, nothing sent. */
    dismiss(target?: RatingTarget) {
      const f = flow.value;
      // The question shown inline while another is under way (or none): only it is dismissed.
      if (target && (!f || targetKey(f.target) !== targetKey(target))) return mark(target, 'dismissed');
      if (!f) return;
      if (f.step !== 'thanks') mark(f.target, 'dismissed');
      close();
    },
    /** The end of the visit: a half-given rating is dropped, and the next visitor is asked afresh. */
    reset() {
      close();
      outcomes.value = new Map();
    },
  };
}
export type RatingModel = ReturnType<typeof createRatingModel>;
