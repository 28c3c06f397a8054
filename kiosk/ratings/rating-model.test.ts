import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATING_REASONS, RATING_PLACES } from '../../content/ratings.ts';
import { Rating } from '../../fleet/protocol.ts';
import type { ActiveContent } from '../../sync/index.ts';
import { resilienceLog } from '../resilience/resilience-log.ts';
import { createRatingModel, type RatingTarget, randomId } from './rating-model.ts';

const content = { hall: { id: 'sample-hall' }, version: 7 } as unknown as ActiveContent;
const guide: RatingTarget = { subject: 'guide', service: 'passport' };
const hall: RatingTarget = { subject: 'hall', service: 'passport' };
const AT = new Date('2026-12-04T10:00:00+08:00');

function setup(options: { places?: ('guide-end' | 'dock')[]; on?: boolean; fail?: boolean } = {}) {
  const sent: Rating[] = [];
  let n = 0;
  const model = createRatingModel({
    content: () => content,
    locale: () => 'en',
    now: () => AT,
    newId: () => `rating-000${++n}`,
    send: async (rating) => {
      if (options.fail) throw new Error('the queue is broken');
      sent.push(rating);
    },
  });
  model.offer.value = {
    on: options.on ?? true,
    places: options.places ?? [...RATING_PLACES],
    reasons: DEFAULT_RATING_REASONS,
  };
  return { model, sent };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a rating on the terminal', () => {
  it('should send 非常满意 at once, with what the visitor read, and thank them', async () => {
    const { model, sent } = setup();
    model.choose(guide, 'guide-end', 5);
    await vi.runOnlyPendingTimersAsync();
    expect(sent).toEqual([
      {
        id: 'rating-0001',
        at: '2026-12-04T02:00:00.000Z',
        subject: 'guide',
        hall: 'sample-hall',
        contentVersion: 7,
        service: 'passport',
        level: 5,
        reasons: [],
        locale: 'en',
      },
    ]);
    expect(v.safeParse(Rating, sent[0]).success).toBe(true);
    expect(model.outcome(guide)).toBe('given');
  });

  it('should show the thanks, then let it go by itself', () => {
    const { model } = setup();
    model.choose(hall, 'dock', 4);
    expect(model.flow.value?.step).toBe('thanks');
    vi.advanceTimersByTime(4_000);
    expect(model.flow.value).toBeUndefined();
  });

  it('should ask why for 不满意 and send nothing until 提交', async () => {
    const { model, sent } = setup();
    model.choose(guide, 'guide-end', 2);
    expect(model.flow.value?.step).toBe('reasons');
    model.toggleReason('guide-wrong');
    model.toggleWrong('window');
    model.toggleWrong('fee');
    model.toggleWrong('fee');
    await vi.runOnlyPendingTimersAsync();
    expect(sent).toEqual([]);
    model.submit();
    await vi.runOnlyPendingTimersAsync();
    expect(sent).toEqual([
      expect.objectContaining({ level: 2, reasons: ['guide-wrong'], wrong: ['window'] }),
    ]);
    expect(v.safeParse(Rating, sent[0]).success).toBe(true);
  });

  it('should send 非常不满意 with no reason when none is chosen', async () => {
    const { model, sent } = setup();
    model.choose(hall, 'dock', 1);
    model.submit();
    await vi.runOnlyPendingTimersAsync();
    expect(sent).toEqual([expect.objectContaining({ level: 1, reasons: [], subject: 'hall' })]);
    expect(sent[0]).not.toHaveProperty('wrong');
    expect(v.safeParse(Rating, sent[0]).success).toBe(true);
  });

  it('should drop the wrong parts when 指南有误 is switched off again', async () => {
    const { model, sent } = setup();
    model.choose(guide, 'guide-end', 1);
    model.toggleReason('guide-wrong');
    model.toggleWrong('steps');
    model.toggleReason('waiting');
    model.toggleReason('guide-wrong');
    model.toggleWrong('time');
    model.submit();
    await vi.runOnlyPendingTimersAsync();
    expect(sent).toEqual([expect.objectContaining({ reasons: ['waiting'] })]);
    expect(sent[0]).not.toHaveProperty('wrong');
  });

  it('should not offer again what was dismissed in this visit, and send nothing for it', async () => {
    const { model, sent } = setup();
    expect(model.open(guide, 'guide-end')).toBe(true);
    model.choose(guide, 'guide-end', 2);
    model.toggleReason('waiting');
    model.dismiss();
    await vi.runOnlyPendingTimersAsync();
    expect(sent).toEqual([]);
    expect(model.open(guide, 'guide-end')).toBe(false);
    expect(model.open(hall, 'dock')).toBe(true);
  });

  it('should dismiss the inline question alone while the sheet asks about the hall', () => {
    const { model } = setup();
    model.start(hall, 'dock');
    model.dismiss(guide);
    expect(model.outcome(guide)).toBe('dismissed');
    expect(model.flow.value?.target).toEqual(hall);
  });

  it('should forget everything at the end of the visit, a half-given rating unsent', async () => {
    const { model, sent } = setup();
    model.choose(hall, 'dock', 5);
    model.choose(guide, 'guide-end', 1);
    model.toggleReason('attitude');
    model.reset();
    await vi.runOnlyPendingTimersAsync();
    expect(sent.map((r) => r.subject)).toEqual(['hall']);
    expect(model.flow.value).toBeUndefined();
    expect(model.open(hall, 'dock')).toBe(true);
    expect(model.open(guide, 'guide-end')).toBe(true);
  });

  it('should ask only where the hall asks, and nowhere when it is off', () => {
    expect(setup({ places: ['dock'] }).model.open(guide, 'guide-end')).toBe(false);
    expect(setup({ places: ['dock'] }).model.open(hall, 'dock')).toBe(true);
    expect(setup({ on: false }).model.open(hall, 'dock')).toBe(false);
  });

  it('should still thank the visitor when the queue fails, and say so loudly', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { model } = setup({ fail: true });
    model.choose(hall, 'dock', 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(model.flow.value?.step).toBe('thanks');
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('could not be queued'),
      expect.any(Error),
      expect.objectContaining({ level: 3 }),
    );
    // Where staff look: the panel's health log, which the next fleet report carries as an error event.
    expect(resilienceLog.value.at(-1)).toMatchObject({
      kind: 'rating',
      message: expect.stringMatching(
        /^a hall rating \(level 3, passport\) could not be queued and is lost: Error: the queue is broken/,
      ),
    });
    error.mockRestore();
  });

  it('should make ids the service accepts', () => {
    expect(randomId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
