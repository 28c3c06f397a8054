import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceClock } from './service-clock.ts';

describe('the service clock', () => {
  it("follows a test clock file, and its changes, so the console and the terminals' fake clocks agree", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fleet-clock-')), 'clock.json');
    writeFileSync(file, JSON.stringify({ now: '2026-12-04T02:00:00.000Z', setAt: Date.now() }));
    const now = serviceClock(file);
    expect(Math.abs(now().getTime() - Date.parse('2026-12-04T02:00:00.000Z'))).toBeLessThan(5_000);
    writeFileSync(file, JSON.stringify({ now: '2026-12-04T02:30:00.000Z', setAt: Date.now() }));
    expect(Math.abs(now().getTime() - Date.parse('2026-12-04T02:30:00.000Z'))).toBeLessThan(5_000);
  });

  it('names the file when it does not hold a time', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fleet-clock-')), 'clock.json');
    writeFileSync(file, JSON.stringify({ now: 'soon', setAt: 1 }));
    expect(() => serviceClock(file)).toThrow(/clock\.json: should hold/);
  });

  it('is the system clock without one', () => {
    expect(Math.abs(serviceClock(undefined)().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
