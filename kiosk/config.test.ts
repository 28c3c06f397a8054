import { describe, expect, it } from 'vitest';
import { type BuildDefaults, type KioskSettings, readSettings, visitLanguage } from './config.ts';

const DEFAULTS: BuildDefaults = {
  trustedKeys: ['key'],
  feedUrl: 'feed/',
  channel: 'stable',
  network: { maxFileBytes: 1_000_000, stallMs: 20_000 },
  staffPin: { algorithm: 'PBKDF2-SHA256', iterations: 1, salt: '', hash: '' },
};
const PAGE = 'http://kiosk.test/hall/';
const read = (query: string) => readSettings(new URL(`${PAGE}?${query}`), DEFAULTS);

describe('per-terminal settings from the start URL', () => {
  const cases: [string, string, Partial<KioskSettings>, RegExp | undefined][] = [
    [
      'no parameters: the defaults',
      '',
      {
        feedUrl: `${PAGE}feed/`,
        channel: 'stable',
        mode: 'interactive',
        modeFromUrl: false,
        idleSeconds: undefined,
        device: undefined,
        lang: undefined,
      },
      undefined,
    ],
    [
      'a feed address',
      'feed=https://feed.example/hall/',
      { feedUrl: 'https://feed.example/hall/' },
      undefined,
    ],
    ['a feed relative to the page', 'feed=../other/', { feedUrl: 'http://kiosk.test/other/' }, undefined],
    [
      'a feed that is no address',
      'feed=http://[bad',
      { feedUrl: `${PAGE}feed/` },
      /\?feed=http:\/\/\[bad is not a web address/,
    ],
    ['a channel', 'channel=beta-2', { channel: 'beta-2' }, undefined],
    [
      'a channel with odd characters',
      'channel=Beta/../x',
      { channel: 'stable' },
      /\?channel=Beta\/\.\.\/x is not a channel name: using stable/,
    ],
    ['an idle time', 'idle=45', { idleSeconds: 45 }, undefined],
    [
      'an idle time that is no number',
      'idle=abc',
      { idleSeconds: undefined },
      /\?idle=abc should be a whole number/,
    ],
    [
      'an idle time too short',
      'idle=2',
      { idleSeconds: undefined },
      /\?idle=2 should be a whole number of seconds, 5 or more/,
    ],
    ['attract-only', 'mode=attract', { mode: 'attract', modeFromUrl: true }, undefined],
    ['interactive, said outright', 'mode=interactive', { mode: 'interactive', modeFromUrl: true }, undefined],
    [
      'an unknown mode',
      'mode=party',
      { mode: 'interactive', modeFromUrl: false },
      /\?mode=party should be interactive or attract/,
    ],
    ['a device id', 'device=lobby-1', { device: 'lobby-1' }, undefined],
    ['an empty device id', 'device=', { device: undefined }, /\?device= is empty/],
    ['a language', 'lang=en', { lang: 'en' }, undefined],
    ['a language with a region', 'lang=zh-CN', { lang: 'zh-CN' }, undefined],
    [
      'a language that is no tag',
      'lang=english!',
      { lang: undefined },
      /\?lang=english! is not a language tag/,
    ],
  ];
  for (const [name, query, expected, note] of cases) {
    it(`should read ${name}`, () => {
      const settings = read(query);
      expect(settings).toMatchObject(expected);
      if (note) expect(settings.notes).toEqual([expect.stringMatching(note)]);
      else expect(settings.notes).toEqual([]);
    });
  }

  it('should list every ignored value, and keep the valid ones', () => {
    const settings = read('idle=abc&lang=fr&channel=beta&mode=kiosk');
    expect(settings).toMatchObject({
      channel: 'beta',
      lang: 'fr',
      idleSeconds: undefined,
      mode: 'interactive',
    });
    expect(settings.notes).toHaveLength(2);
  });
});

describe('timeouts and size bounds for the feed', () => {
  it("should take the build's values over the defaults", () => {
    expect(read('').network).toEqual({
      maxChannelBytes: 64 * 1024,
      maxManifestBytes: 4 * 1024 * 1024,
      maxFileBytes: 1_000_000,
      headersTimeoutMs: 30_000,
      stallMs: 20_000,
      minBytesPerSecond: 512,
      checkLimitMs: 20 * 60_000,
    });
  });

  it('should let the start URL set the timeouts, in seconds (a slow hall network, or a quick test)', () => {
    const settings = read('feedTimeout=5&feedStall=2&checkLimit=90');
    expect(settings.network).toMatchObject({ headersTimeoutMs: 5000, stallMs: 2000, checkLimitMs: 90_000 });
    expect(settings.notes).toEqual([]);
  });

  it('should ignore a timeout that is no positive number, and say so', () => {
    const settings = read('feedStall=0&feedTimeout=soon');
    expect(settings.network).toMatchObject({ headersTimeoutMs: 30_000, stallMs: 20_000 });
    expect(settings.notes).toEqual([
      '?feedTimeout=soon should be a whole number of seconds, 1 or more: using 30 s',
      '?feedStall=0 should be a whole number of seconds, 1 or more: using 20 s',
    ]);
  });
});

describe("the visit's default language", () => {
  const content = { locales: ['zh-CN', 'en'], defaultLocale: 'zh-CN' };
  it('should be ?lang= when the content has that language', () => {
    expect(visitLanguage({ lang: 'en' }, content)).toEqual({ locale: 'en', note: undefined });
  });
  it("should be the content's default, with a note, when the content lacks it", () => {
    const { locale, note } = visitLanguage({ lang: 'fr' }, content);
    expect(locale).toBe('zh-CN');
    expect(note).toMatch(/\?lang=fr is not one of the content's languages \(zh-CN, en\): using zh-CN/);
  });
  it("should be the content's default without ?lang=", () => {
    expect(visitLanguage({ lang: undefined }, content)).toEqual({ locale: 'zh-CN', note: undefined });
  });
});

describe('reporting to a fleet service', () => {
  it('should be off without fleet= and without a build default: the terminal sends nothing', () => {
    expect(read('').fleetUrl).toBeUndefined();
  });
  it('should be on with fleet= (an address, or one relative to the page)', () => {
    expect(read('fleet=https://fleet.example:8790/').fleetUrl).toBe('https://fleet.example:8790/');
    expect(read('fleet=/fleet/').fleetUrl).toBe('http://kiosk.test/fleet/');
  });
  it("should take the build's fleetUrl, and let fleet= replace it", () => {
    const defaults = { ...DEFAULTS, fleetUrl: 'https://centre.example/fleet/' };
    expect(readSettings(new URL(PAGE), defaults).fleetUrl).toBe('https://centre.example/fleet/');
    expect(readSettings(new URL(`${PAGE}?fleet=https://other.example/`), defaults).fleetUrl).toBe(
      'https://other.example/',
    );
  });
  it('should stay off with an empty fleet= (not report to the kiosk page itself), and say so', () => {
    const settings = read('fleet=');
    expect(settings.fleetUrl).toBeUndefined();
    expect(settings.notes).toEqual(['?fleet= is empty: reporting is off']);
    const defaults = { ...DEFAULTS, fleetUrl: 'https://centre.example/fleet/' };
    const byBuild = readSettings(new URL(`${PAGE}?fleet=`), defaults);
    expect(byBuild.fleetUrl).toBe('https://centre.example/fleet/');
    expect(byBuild.notes).toEqual(['?fleet= is empty: reporting to https://centre.example/fleet/']);
  });
  it('should ignore a fleet= that is no http(s) address, and say so (reporting stays as the build says)', () => {
    for (const bad of ['http://[bad', 'ftp://fleet.example/', 'javascript:alert(1)']) {
      const settings = read(`fleet=${encodeURIComponent(bad)}`);
      expect(settings.fleetUrl).toBeUndefined();
      expect(settings.notes).toEqual([
        expect.stringMatching(/^\?fleet=.* is not an http\(s\) address: reporting is off$/),
      ]);
    }
  });
});
