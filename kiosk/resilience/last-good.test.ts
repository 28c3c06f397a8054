import { describe, expect, it } from 'vitest';
import type { Hall } from '../../content/schema.ts';
import { validateFolder } from '../../content/validate.ts';
import type { ActiveContent } from '../../sync/index.ts';
import { snapshotOf } from './last-good.ts';

const { content } = validateFolder('content/sample', { today: '2026-11-26' });
const sampleHall = content!.hall!.value as unknown as Hall;
const active = (hall = sampleHall) =>
  ({ version: 7, manifest: { defaultLocale: 'zh-CN' }, hall }) as unknown as ActiveContent;

describe('the last good snapshot for the fallback screen', () => {
  it('should name the hall and where its help desk is, in the default language and English', () => {
    expect(snapshotOf(active())).toEqual({
      version: 7,
      defaultLocale: 'zh-CN',
      texts: {
        'zh-CN': { hall: '示例市政务服务中心', helpDesk: { place: '综合咨询服务台', floor: '一楼' } },
        en: {
          hall: 'Shili City Government Service Center',
          helpDesk: { place: 'Information desk', floor: '1st floor (ground floor)' },
        },
      },
    });
  });

  it('should leave the help desk out when the hall has none', () => {
    const hall = {
      ...sampleHall,
      floors: sampleHall.floors.map((f) => ({
        ...f,
        places: f.places.filter((p) => p.kind !== 'help-desk'),
      })),
    };
    expect(snapshotOf(active(hall)).texts.en).toEqual({ hall: 'Shili City Government Service Center' });
  });
});
