import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionModel, type SessionModel } from './session-model.ts';

const IDLE = 90;

function setup(opts: { attractOnly?: boolean } = {}) {
  const events = new EventTarget();
  const attractOnly = signal(opts.attractOnly ?? false);
  const wipes = { count: 0 };
  const idleChanges: boolean[] = [];
  const session: SessionModel = createSessionModel({
    idleSeconds: () => IDLE,
    attractOnly: () => attractOnly.value,
    onWipe: () => {
      wipes.count += 1;
    },
    onIdleChange: (idle) => idleChanges.push(idle),
    events,
  });
  const fire = (name: string) => events.dispatchEvent(new Event(name));
  /** A tap as a finger makes it: press, release, click. */
  const tap = () => {
    fire('pointerdown');
    fire('pointerup');
    fire('click');
  };
  const seconds = (s: number) => vi.advanceTimersByTime(s * 1000);
  return { session, fire, tap, seconds, wipes, idleChanges, attractOnly };
}

describe('session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should start on home, idle, and go to the playlist without asking when nobody touched', () => {
    const { session, seconds, wipes } = setup();
    expect(session.phase.value).toBe('visit');
    expect(session.idle.value).toBe(true);
    seconds(IDLE - 1);
    expect(session.phase.value).toBe('visit');
    seconds(1);
    expect(session.phase.value).toBe('attract');
    expect(wipes.count).toBe(1);
  });

  it('should ask "still there?" after the idle time of a visit, counting down by the second', () => {
    const { session, tap, seconds, wipes } = setup();
    tap();
    expect(session.idle.value).toBe(false);
    seconds(IDLE);
    expect(session.phase.value).toBe('still-there');
    expect(session.remaining.value).toBe(15);
    seconds(1);
    expect(session.remaining.value).toBe(14);
    seconds(13);
    expect(session.remaining.value).toBe(1);
    expect(wipes.count).toBe(0);
    seconds(1);
    expect(session.phase.value).toBe('attract');
    expect(wipes.count).toBe(1);
    expect(session.idle.value).toBe(true);
  });

  it('should restart the idle time on every touch of a visit', () => {
    const { session, tap, fire, seconds } = setup();
    tap();
    seconds(IDLE - 10);
    fire('pointerdown');
    seconds(IDLE - 10);
    fire('wheel');
    seconds(IDLE - 1);
    expect(session.phase.value).toBe('visit');
    seconds(1);
    expect(session.phase.value).toBe('still-there');
  });

  it('should keep the visit when "still there?" is tapped, acting on the click, not the press', () => {
    const { session, fire, tap, seconds, wipes } = setup();
    tap();
    seconds(IDLE + 5);
    fire('pointerdown');
    // Still shown while the finger is down, so the tap cannot land on the screen beneath; the countdown stops.
    expect(session.phase.value).toBe('still-there');
    seconds(30);
    expect(session.phase.value).toBe('still-there');
    fire('pointerup');
    fire('click');
    expect(session.phase.value).toBe('visit');
    expect(wipes.count).toBe(0);
    seconds(IDLE);
    expect(session.phase.value).toBe('still-there');
    expect(session.remaining.value).toBe(15);
  });

  it('should end a press that never clicks (a long press) shortly after its release', () => {
    const { session, fire, tap, seconds } = setup();
    tap();
    seconds(IDLE);
    fire('pointerdown');
    fire('pointerup');
    seconds(0.4);
    expect(session.phase.value).toBe('still-there');
    seconds(0.1);
    expect(session.phase.value).toBe('visit');
  });

  it('should answer "still there?" from a key or an assistive click with no press', () => {
    const { session, fire, tap, seconds } = setup();
    tap();
    seconds(IDLE);
    fire('click');
    expect(session.phase.value).toBe('visit');
    seconds(IDLE);
    fire('keydown');
    expect(session.phase.value).toBe('visit');
  });

  it('should leave the playlist for a fresh visit on a tap, which counts as the visit starting', () => {
    const { session, tap, seconds, wipes } = setup();
    seconds(IDLE);
    expect(session.phase.value).toBe('attract');
    tap();
    expect(session.phase.value).toBe('visit');
    expect(session.idle.value).toBe(false);
    // No second wipe on waking: the wipe already happened when the playlist started.
    expect(wipes.count).toBe(1);
    seconds(IDLE);
    expect(session.phase.value).toBe('still-there');
  });

  it('should report idle to sync only between visits', () => {
    const { tap, seconds, idleChanges } = setup();
    tap();
    seconds(IDLE);
    seconds(15);
    tap();
    expect(idleChanges).toEqual([true, false, true, false]);
  });

  it('should ignore every touch on an attract-only terminal', () => {
    const { session, tap, fire, seconds, wipes } = setup({ attractOnly: true });
    expect(session.phase.value).toBe('attract');
    tap();
    fire('keydown');
    seconds(IDLE * 3);
    expect(session.phase.value).toBe('attract');
    expect(session.idle.value).toBe(true);
    expect(wipes.count).toBe(0);
  });

  it('should wipe a visit at once when the terminal is switched to attract-only', () => {
    const { session, tap, attractOnly, wipes } = setup();
    tap();
    attractOnly.value = true;
    expect(session.phase.value).toBe('attract');
    expect(wipes.count).toBe(1);
    tap();
    expect(session.phase.value).toBe('attract');
  });

  it('should stop listening and timing once disposed', () => {
    const { session, tap, seconds, wipes } = setup();
    session.dispose();
    tap();
    seconds(IDLE * 2);
    expect(session.phase.value).toBe('visit');
    expect(wipes.count).toBe(0);
  });
});
