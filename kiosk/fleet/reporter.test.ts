import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command, ReportPayload } from '../../fleet/protocol.ts';
import { catalogueOf } from './catalogue.ts';
import { createCommandRunner } from './commands.ts';
import { type FleetDatabase, openFleetDatabase } from './fleet-db.ts';
import { fleetView } from './fleet-state.ts';
import { type Identity, loadIdentity, signReport } from './identity.ts';
import { Outbox, type SendResult } from './outbox.ts';
import { rating, sampleContent } from './rating-fixtures.ts';
import { queueRating } from './rating-queue.ts';
import { CHANGE_DEBOUNCE_MS, createReporter, HEARTBEAT_MS, type ReporterClock } from './reporter.ts';

const START = Date.parse('2026-03-02T08:00:00Z');

/** A fake clock: timers fire when the test moves time on, in order. */
class FakeClock implements ReporterClock {
  time = START;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  async pass(ms: number, settle: () => Promise<unknown>) {
    const until = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.time = next.at;
      next.fn();
      await settle();
    }
    this.time = until;
  }
  pendingDelays = () => this.timers.map((t) => t.at - this.time).sort((a, b) => a - b);
}

let count = 0;
let idb: FleetDatabase;
let identity: Identity;
let outbox: Outbox;
let clock: FakeClock;
let sent: ReportPayload[];
let answer: (payload: ReportPayload) => SendResult;
let warnings: string[];

const status = () => ({
  appVersion: '1.0.0',
  mode: 'interactive' as const,
  modeSource: 'default',
  content: {},
  feedStale: false,
  clock: { now: new Date(clock.time).toISOString(), timeZone: 'UTC', hallTimeZone: 'UTC', suspicious: false },
  renderFailures: 0,
  watchdogReloads: 0,
});

function reporterWith(onCommands: (commands: Command[]) => Promise<void> = async () => undefined) {
  return createReporter({
    outbox,
    clock,
    random: () => 0.5,
    sign: (text) => signReport(identity, text),
    send: async (body) => {
      const payload = JSON.parse(JSON.parse(body).payload) as ReportPayload;
      sent.push(payload);
      return answer(payload);
    },
    draft: async () => ({
      deviceId: identity.deviceId,
      sentAt: new Date(clock.time),
      status: status(),
      events: [],
      cursors: {},
    }),
    onCommands,
    warn: (message) => warnings.push(message),
  });
}
const ok = (p: ReportPayload): SendResult => ({
  kind: 'answer',
  status: 200,
  body: { ack: p.seq, duplicate: false, commands: [] },
});

beforeEach(async () => {
  idb = await openFleetDatabase(`reporter-test-${++count}`);
  identity = await loadIdentity(idb, 'lobby-1');
  outbox = new Outbox(idb);
  clock = new FakeClock();
  sent = [];
  warnings = [];
  answer = ok;
  fleetView.value = {
    on: true,
    url: 'http://fleet.test/',
    outbox: { reports: 0, bytes: 0 },
    dropped: { heartbeats: 0, events: 0 },
  };
});
afterEach(() => idb.close());

describe('when reports are made', () => {
  it('one at start, then a heartbeat about every 5 minutes', async () => {
    const reporter = reporterWith();
    reporter.start();
    await reporter.idle();
    expect(sent.map((p) => p.seq)).toEqual([1]);
    await clock.pass(HEARTBEAT_MS * 3, reporter.idle);
    expect(sent.map((p) => p.seq)).toEqual([1, 2, 3, 4]);
    reporter.stop();
  });

  it('a burst of changes makes one report a few seconds later', async () => {
    const reporter = reporterWith();
    reporter.start();
    await reporter.idle();
    for (let i = 0; i < 5; i++) {
      reporter.changed();
      await clock.pass(500, reporter.idle);
    }
    expect(sent).toHaveLength(1);
    await clock.pass(CHANGE_DEBOUNCE_MS, reporter.idle);
    expect(sent).toHaveLength(2);
    reporter.stop();
  });
});

describe('while the service does not answer', () => {
  it('waits longer after each failure, then sends what waited in order, and the panel says so', async () => {
    answer = () => ({
      kind: 'unreachable',
      message: 'no answer from http://fleet.test/api/v1/reports: Failed to fetch',
    });
    const reporter = reporterWith();
    reporter.start();
    await reporter.idle();
    // random() = 0.5: 75 % of 15 s.
    expect(clock.pendingDelays()).toContain(11_250);
    const view = fleetView.value;
    expect(view.on && view.problem?.kind).toBe('unreachable');
    await clock.pass(11_250, reporter.idle);
    expect(clock.pendingDelays()).toContain(22_500);
    await clock.pass(22_500, reporter.idle);
    expect(clock.pendingDelays()).toContain(45_000);
    const attempts = sent.length;
    answer = ok;
    await clock.pass(45_000, reporter.idle);
    expect(sent.length).toBe(attempts + 1);
    const after = fleetView.value;
    expect(after.on && after.problem).toBeUndefined();
    expect(after.on && after.outbox.reports).toBe(0);
    reporter.stop();
  });

  it('403: keeps the reports and says loudly that the key was revoked', async () => {
    answer = () => ({ kind: 'answer', status: 403, body: { error: 'this key was revoked by staff' } });
    const reporter = reporterWith();
    reporter.start();
    await reporter.idle();
    const view = fleetView.value;
    expect(view.on && view.problem).toMatchObject({
      kind: 'revoked',
      status: 403,
      message: 'this key was revoked by staff',
    });
    expect(view.on && view.outbox.reports).toBe(1);
    reporter.stop();
  });
});

describe('commands', () => {
  const targets = () => {
    const calls: string[] = [];
    const idle = signal(false);
    return {
      calls,
      idle,
      targets: {
        checkNow: async () => calls.push('check'),
        switchMode: (mode: string) => calls.push(`mode ${mode}`),
        useUrlMode: () => calls.push('url mode'),
        idle,
        reload: (reason: string) => calls.push(`reload: ${reason}`),
        changed: () => calls.push('changed'),
      },
    };
  };

  it('carries out each command once, even when it is delivered again, and reports each as an event', async () => {
    const t = targets();
    const runner = createCommandRunner(outbox, t.targets);
    const commands: Command[] = [
      { id: 'a', kind: 'sync-now' },
      { id: 'b', kind: 'set-mode', mode: 'attract' },
      { id: 'c', kind: 'set-mode', mode: 'default' },
    ];
    await runner.run(commands);
    await runner.run(commands);
    // A new runner (after a reload) remembers too.
    await createCommandRunner(outbox, t.targets).run(commands);
    expect(t.calls.filter((c) => c !== 'changed')).toEqual(['check', 'mode attract', 'url mode']);
    const record = await outbox.make(
      { deviceId: 'lobby-1', sentAt: new Date(START), status: status(), events: [], cursors: {} },
      (text) => signReport(identity, text),
    );
    const events = (JSON.parse(JSON.parse(record.body).payload) as ReportPayload).events.map(
      (e) => e.message,
    );
    expect(events).toEqual([
      expect.stringMatching(/sync now.*\(command a\)/),
      expect.stringMatching(/mode set by staff.*set-mode attract \(command b\)/),
      expect.stringMatching(/mode set by staff.*set-mode default \(command c\)/),
    ]);
  });

  it('a reload waits until the screen is idle, and happens once', async () => {
    const t = targets();
    const runner = createCommandRunner(outbox, t.targets);
    await runner.run([{ id: 'r', kind: 'reload' }]);
    expect(t.calls.some((c) => c.startsWith('reload'))).toBe(false);
    t.idle.value = true;
    t.idle.value = false;
    t.idle.value = true;
    expect(t.calls.filter((c) => c.startsWith('reload'))).toEqual([
      expect.stringMatching(
        /^reload: fleet: staff asked for a reload from the console \(reload \(command r\)\)$/,
      ),
    ]);
  });
});

describe("visitors' ratings", () => {
  const queue = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rating();
      await queueRating(r, catalogueOf(sampleContent()), { db: idb });
      ids.push(r.id);
    }
    return ids;
  };
  const carried = () => sent.flatMap((p) => (p.ratings ?? []).map((r) => r.id));

  it('queued before reporting started, they go a few seconds after the service first stores a report', async () => {
    const ids = await queue(3);
    const reporter = reporterWith();
    reporter.start();
    await reporter.idle();
    // The boot report: the service has not yet said it stores this key's reports.
    expect(carried()).toEqual([]);
    await clock.pass(CHANGE_DEBOUNCE_MS, reporter.idle);
    expect(carried()).toEqual(ids);
    const view = fleetView.value;
    expect(view.on && view.ratings).toEqual({ waiting: 0, dropped: 0, refused: 0 });
    reporter.stop();
  });

  it('one tapped while running is reported within 3 s; many go 200 a report, one after another', async () => {
    const reporter = reporterWith();
    reporter.start();
    await reporter.idle();
    await clock.pass(HEARTBEAT_MS, reporter.idle);
    const [one] = await queue(1);
    reporter.changed(); // what start.ts does on sunlight:rating-queued
    await clock.pass(CHANGE_DEBOUNCE_MS, reporter.idle);
    expect(carried()).toEqual([one]);
    const many = await queue(450);
    reporter.changed();
    await clock.pass(3 * CHANGE_DEBOUNCE_MS, reporter.idle);
    expect(sent.map((p) => p.ratings?.length ?? 0).filter((n) => n > 0)).toEqual([1, 200, 200, 50]);
    expect(carried()).toEqual([one, ...many]);
    reporter.stop();
  });

  it('a refused rating is said loudly, counted on the panel, and told to the console in the next report', async () => {
    const [id] = await queue(1);
    answer = (p) =>
      p.ratings
        ? {
            kind: 'answer',
            status: 200,
            body: {
              ack: p.seq,
              duplicate: false,
              commands: [],
              ratings: {
                stored: 0,
                duplicate: 0,
                refused: [{ id, reason: 'future', message: 'at is 3 days ahead' }],
              },
            },
          }
        : ok(p);
    const reporter = reporterWith();
    reporter.start();
    await reporter.idle();
    await clock.pass(CHANGE_DEBOUNCE_MS, reporter.idle);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`refused rating ${id} \\(future\\).*3 days ahead`)),
    ]);
    const view = fleetView.value;
    expect(view.on && view.ratings).toEqual({ waiting: 0, dropped: 0, refused: 1 });
    await clock.pass(CHANGE_DEBOUNCE_MS, reporter.idle);
    expect(sent.at(-1)?.events).toEqual([
      expect.objectContaining({ kind: 'error', message: expect.stringContaining(id!) }),
    ]);
    reporter.stop();
  });
});
