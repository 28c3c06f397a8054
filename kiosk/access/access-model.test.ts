import { describe, expect, it } from 'vitest';
import { createAccessModel } from './access-model.ts';
import { createSpeech, type SpeechOutput, sameLanguage } from './speech.ts';

/** A speech engine with voices that arrive late, as Chromium's do (a stand-in: Node has no speech API). */
function lateVoices(langs: string[]) {
  const events = new EventTarget();
  let voices: { lang: string }[] = [];
  let cancels = 0;
  const synth = Object.assign(events, {
    getVoices: () => voices,
    cancel: () => {
      cancels += 1;
    },
    speak: () => {},
  }) as unknown as SpeechSynthesis;
  return {
    synth,
    arrive() {
      voices = langs.map((lang) => ({ lang }));
      events.dispatchEvent(new Event('voiceschanged'));
    },
    cancels: () => cancels,
  };
}

describe('read aloud voices', () => {
  it.each([
    ['zh-CN', 'zh-CN', true],
    ['zh_CN', 'zh-CN', true],
    ['zh-HK', 'zh-CN', true],
    ['en-GB', 'en', true],
    ['en-US', 'zh-CN', false],
  ])('should count a %s voice as speaking %s: %s', (voice, locale, same) => {
    expect(sameLanguage(voice, locale)).toBe(same);
  });

  it('should offer nothing and never throw where the browser has no speech API', () => {
    const speech = createSpeech(undefined);
    expect(speech.canSpeak('zh-CN')).toBe(false);
    expect(() => speech.speak(['你好'], 'zh-CN')).not.toThrow();
    expect(() => speech.stop()).not.toThrow();
  });

  it('should offer reading once a voice for the language arrives, and only for that language', () => {
    const engine = lateVoices(['zh-CN']);
    const speech = createSpeech(engine.synth);
    expect(speech.canSpeak('zh-CN')).toBe(false);
    engine.arrive();
    expect(speech.canSpeak('zh-CN')).toBe(true);
    expect(speech.canSpeak('en')).toBe(false);
  });

  it('should treat a speech API that throws as having no voice', () => {
    const broken = {
      getVoices: () => {
        throw new Error('not allowed');
      },
    } as unknown as SpeechSynthesis;
    expect(createSpeech(broken).canSpeak('zh-CN')).toBe(false);
  });
});

describe('the visitor modes', () => {
  it('should turn every mode off, close the sheet and silence reading when the visit ends', () => {
    const engine = lateVoices(['zh-CN']);
    const speech: SpeechOutput = createSpeech(engine.synth);
    const access = createAccessModel(speech);
    for (const m of ['largeText', 'reach', 'highContrast', 'readAloud'] as const) access.toggle(m);
    access.panelOpen.value = true;
    access.reset();
    expect(
      [access.largeText, access.reach, access.highContrast, access.readAloud, access.panelOpen].map(
        (s) => s.value,
      ),
    ).toEqual([false, false, false, false, false]);
    expect(engine.cancels()).toBeGreaterThan(0);
  });

  it('should switch one mode without touching the others', () => {
    const access = createAccessModel(createSpeech(undefined));
    access.toggle('reach');
    expect([access.largeText.value, access.reach.value, access.highContrast.value]).toEqual([
      false,
      true,
      false,
    ]);
    access.toggle('reach');
    expect(access.reach.value).toBe(false);
  });
});
