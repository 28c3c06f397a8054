import { describe, expect, it } from 'vitest';
import { URGENT_EVERY, withUrgent } from './interleave.ts';
import type { PlayableSlide } from './playlist.ts';

const slide = (key: string): PlayableSlide => ({ key, slide: { text: key, seconds: 10 } });
const LOCALES = ['zh-CN', 'en'];
const shown = (list: PlayableSlide[]) =>
  list.map((p) => (p.urgent ? `${p.slide.notice}:${p.locale}` : p.slide.text));

describe('urgent notices in the playlist', () => {
  it('should follow every second slide, in each hall language in turn', () => {
    expect(URGENT_EVERY).toBe(2);
    expect(shown(withUrgent([slide('a'), slide('b'), slide('c'), slide('d')], ['outage'], LOCALES))).toEqual([
      'a',
      'b',
      'outage:zh-CN',
      'outage:en',
      'c',
      'd',
      'outage:zh-CN',
      'outage:en',
    ]);
  });

  it('should take turns when several are in force, and show each in one round of the list', () => {
    expect(shown(withUrgent([slide('a'), slide('b')], ['x', 'y'], ['zh-CN']))).toEqual([
      'a',
      'b',
      'x:zh-CN',
      'a',
      'b',
      'y:zh-CN',
    ]);
  });

  it('should round an odd playlist up, so no slide is skipped', () => {
    expect(shown(withUrgent([slide('a'), slide('b'), slide('c')], ['x'], ['zh-CN']))).toEqual([
      'a',
      'b',
      'x:zh-CN',
      'c',
      'x:zh-CN',
    ]);
  });

  it('should play the urgent ones alone when nothing else is there', () => {
    expect(shown(withUrgent([], ['x'], LOCALES))).toEqual(['x:zh-CN', 'x:en']);
  });

  it('should leave the playlist as it is without an urgent notice, and give every slide its own key', () => {
    const list = [slide('a'), slide('b')];
    expect(withUrgent(list, [], LOCALES)).toEqual(list);
    const keys = withUrgent([slide('a'), slide('b')], ['x', 'y'], LOCALES).map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    // The first round keeps the playlist's keys: the slide on screen stays when an urgent notice arrives.
    expect(keys.slice(0, 2)).toEqual(['a', 'b']);
  });
});
