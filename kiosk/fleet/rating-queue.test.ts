import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Hall } from '../../content/schema.ts';
import type { ActiveContent } from '../../sync/index.ts';
import { catalogueOf, ratingsOffered } from './catalogue.ts';
import { type FleetDatabase, openFleetDatabase } from './fleet-db.ts';
import { rating, sampleContent } from './rating-fixtures.ts';
import { queueRating, RATING_QUEUED_EVENT } from './rating-queue.ts';

const withHall = (change: Partial<Hall>): ActiveContent => {
  const content = sampleContent();
  return { ...content, hall: { ...content.hall, ...change } };
};

describe('the catalogue of the content showing', () => {
  it('names the hall, services with their 事项编码 and departments in the hall’s first language', () => {
    const catalogue = catalogueOf(sampleContent());
    expect(catalogue.hall).toBe('shili-center');
    expect(catalogue.version).toBe(7);
    expect(catalogue.hallName).toBe('示例市政务服务中心');
    expect(catalogue.services.find((s) => s.id === 'birth-registration')).toEqual({
      id: 'birth-registration',
      name: expect.stringMatching(/[\u4e00-\u9fff]/),
      code: '11000000MB0141205X0700012001',
      department: 'household-registration',
    });
    expect(catalogue.services.find((s) => s.id === 'business-change')?.code).toBe('000111002000');
    expect(catalogue.departments).toContainEqual({ id: 'household-registration', name: '户政服务窗口' });
    expect(catalogue.services.length).toBe(sampleContent().services.length);
    // Every service's department is in the list, so the centre can file each rating by department.
    const departments = new Set(catalogue.departments.map((d) => d.id));
    expect(catalogue.services.every((s) => departments.has(s.department))).toBe(true);
  });

  it('gives the default reasons in Chinese, or the hall’s own list', () => {
    expect(catalogueOf(sampleContent()).reasons.map((r) => r.label)).toEqual([
      '指南有误或看不懂',
      '窗口要的材料和指南不一样',
      '等候时间太长',
      '工作人员态度不好',
      '其他',
    ]);
    const own = withHall({
      ratings: { reasons: [{ id: 'queue', label: { 'zh-CN': '排队太久', en: 'Long queue' } }] },
    });
    expect(catalogueOf(own).reasons).toEqual([{ id: 'queue', label: '排队太久' }]);
  });

  it('reads an English-first hall in English', () => {
    const english = withHall({ defaultLocale: 'en', locales: ['en', 'zh-CN'] } as unknown as Partial<Hall>);
    expect(catalogueOf(english).hallName).toBe('Shili City Government Service Center');
  });
});

describe('whether the terminal asks', () => {
  it('asks at both places when the hall says nothing, only with a fleet service', () => {
    expect(ratingsOffered(sampleContent(), true)).toMatchObject({ on: true, places: ['guide-end', 'dock'] });
    expect(ratingsOffered(sampleContent(), false).on).toBe(false);
    expect(ratingsOffered(undefined, true).on).toBe(false);
  });

  it('follows the hall: never when disabled, only where it asks', () => {
    expect(ratingsOffered(withHall({ ratings: { enabled: false } }), true).on).toBe(false);
    expect(ratingsOffered(withHall({ ratings: { ask: ['dock'] } }), true)).toMatchObject({
      on: true,
      places: ['dock'],
    });
    expect(ratingsOffered(withHall({ ratings: { ask: [] } }), true).on).toBe(false);
  });
});

let count = 0;
let db: FleetDatabase;
beforeEach(async () => {
  db = await openFleetDatabase(`rating-queue-${++count}`);
});
afterEach(() => db.close());

describe('queueing a rating', () => {
  it('stores the rating and its catalogue, and tells a running reporter', async () => {
    // Node has no window: the page's dispatchEvent, as the kiosk has it.
    const heard: string[] = [];
    vi.stubGlobal('dispatchEvent', (event: Event) => heard.push(event.type));
    const r = rating({ level: 2, reasons: ['waiting'] });
    await queueRating(r, catalogueOf(sampleContent()), { db });
    vi.unstubAllGlobals();
    expect(heard).toEqual([RATING_QUEUED_EVENT]);
    expect((await db.getAll('ratings')).map((q) => q.rating)).toEqual([r]);
    expect((await db.get('catalogues', 'shili-center@7'))?.hallName).toBe('示例市政务服务中心');
  });

  it('refuses, with why, what the service would refuse, and queues none of it', async () => {
    const catalogue = catalogueOf(sampleContent());
    const bad = [
      [rating({ level: 6 as 5 }), /level/],
      [rating({ level: 4, reasons: ['waiting'] }), /only levels 1 and 2/],
      [rating({ subject: 'guide', service: undefined }), /needs "service"/],
      [rating({ service: 'no-such-guide' }), /no-such-guide/],
      [rating({ level: 1, reasons: ['rude'] }), /rude/],
      [rating({ contentVersion: 8 }), /shili-center@8/],
    ] as const;
    for (const [r, why] of bad) await expect(queueRating(r, catalogue, { db })).rejects.toThrow(why);
    expect(await db.count('ratings')).toBe(0);
  });

  it('when full drops the oldest waiting rating, and counts it', async () => {
    const catalogue = catalogueOf(sampleContent());
    const made = [rating(), rating(), rating(), rating()];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const r of made) await queueRating(r, catalogue, { db, limit: 3 });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/rating queue is full.*1 waiting rating/));
    error.mockRestore();
    const left = (await db.getAll('ratings')).sort((a, b) => a.n - b.n).map((q) => q.id);
    expect(left).toEqual(made.slice(1).map((r) => r.id));
    const meta = await db.get('meta', 'meta');
    expect(meta?.dropped.ratings).toBe(1);
    expect(meta?.ratingsLost).toEqual({ dropped: 1, refused: 0 });
  });

  it('keeps a rating queued twice once', async () => {
    const r = rating();
    await queueRating(r, catalogueOf(sampleContent()), { db });
    await queueRating(r, catalogueOf(sampleContent()), { db });
    expect(await db.count('ratings')).toBe(1);
  });
});
