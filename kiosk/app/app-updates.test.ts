import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { killSwitchAsked, takeOverAtIdle } from './app-updates.ts';

type Step = { idle?: boolean; waiting?: string };

/** Plays steps against takeOverAtIdle; returns how many takeovers each step caused. */
function play(steps: Step[], start: Step = { idle: true }): number[] {
  const workers = new Map<string, object>();
  const worker = (name: string) => workers.get(name) ?? workers.set(name, { name }).get(name)!;
  const idle = signal(start.idle ?? true);
  const waiting = signal<object | undefined>(start.waiting ? worker(start.waiting) : undefined);
  let takeovers = 0;
  takeOverAtIdle(idle, waiting, () => takeovers++);
  return [takeovers].concat(
    steps.map((s) => {
      const before = takeovers;
      if (s.idle !== undefined) idle.value = s.idle;
      if (s.waiting !== undefined) waiting.value = worker(s.waiting);
      return takeovers - before;
    }),
  );
}

describe('a new app version takes over only at idle', () => {
  it.each<[string, Step, Step[], number[]]>([
    [
      'should take over at once when a version is waiting and the screen is idle',
      { idle: true, waiting: 'B' },
      [],
      [1],
    ],
    ['should not take over mid-visit', { idle: false }, [{ waiting: 'B' }, { idle: false }], [0, 0, 0]],
    [
      'should take over the moment the visit ends',
      { idle: false },
      [{ waiting: 'B' }, { idle: true }],
      [0, 0, 1],
    ],
    ['should take over when a version arrives while idle', { idle: true }, [{ waiting: 'B' }], [0, 1]],
    [
      'should ask once per waiting version, however often the screen turns idle',
      { idle: false, waiting: 'B' },
      [{ idle: true }, { idle: false }, { idle: true }],
      [0, 1, 0, 0],
    ],
    [
      'should ask again for a newer waiting version',
      { idle: false, waiting: 'B' },
      [{ idle: true }, { idle: false }, { waiting: 'C' }, { idle: true }],
      [0, 1, 0, 0, 1],
    ],
    [
      'should never take over with nothing waiting',
      { idle: false },
      [{ idle: true }, { idle: false }],
      [0, 0, 0],
    ],
  ])('%s', (_name, start, steps, takeovers) => {
    expect(play(steps, start)).toEqual(takeovers);
  });
});

describe('the kill switch on the start URL', () => {
  it.each([
    ['?sw=off', true],
    ['?device=lobby-1&sw=off&idle=60', true],
    ['?sw=on', false],
    ['?sw', false],
    ['', false],
  ])('should read %j as %s', (search, asked) => {
    expect(killSwitchAsked(search)).toBe(asked);
  });
});
