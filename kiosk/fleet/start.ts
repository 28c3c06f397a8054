/**
 * Reporting, started after the first paint and only with a fleet URL (kiosk/main.tsx imports this
 * module dynamically, so none of it is in the JavaScript the first screen waits for). Wires the
 * outbox and the reporter to the models the staff panel reads.
 */
import { effect } from '@preact/signals';
import { systemTimeZone } from '../../content/hall-time.ts';
import type { SyncEngine } from '../../sync/index.ts';
import type { KioskSettings } from '../config.ts';
import type { ClockModel } from '../models/clock-model.ts';
import type { SessionModel } from '../models/session-model.ts';
import type { SyncModel } from '../models/sync-model.ts';
import { logResilienceEvent, resilienceLog } from '../resilience/resilience-log.ts';
import { watchdogState } from '../resilience/watchdog.ts';
import type { ModeModel } from '../staff/mode-model.ts';
import { createCommandRunner } from './commands.ts';
import { sharedFleetDatabase } from './fleet-db.ts';
import { fleetView } from './fleet-state.ts';
import { loadIdentity, signReport } from './identity.ts';
import { newEvents } from './log-events.ts';
import { Outbox } from './outbox.ts';
import { RATING_QUEUED_EVENT } from './rating-queue.ts';
import { reportTrigger } from './report-trigger.ts';
import { createReporter } from './reporter.ts';
import { httpSender } from './send.ts';
import { statusSnapshot } from './status-snapshot.ts';

declare const __APP_VERSION__: string;

export type FleetModels = {
  settings: KioskSettings;
  sync: SyncModel;
  engine: SyncEngine;
  terminalMode: ModeModel;
  session: SessionModel;
  clock: ClockModel;
};

async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  try {
    const { usage, quota } = (await navigator.storage?.estimate?.()) ?? {};
    return usage !== undefined && quota ? { usage, quota } : undefined;
  } catch {
    return undefined;
  }
}

export async function startFleet(fleetUrl: string, models: FleetModels): Promise<void> {
  const { settings, sync, engine, terminalMode, session, clock } = models;
  fleetView.value = {
    on: true,
    url: fleetUrl,
    outbox: { reports: 0, bytes: 0 },
    dropped: { heartbeats: 0, events: 0 },
  };
  let identity: Awaited<ReturnType<typeof loadIdentity>>;
  let outbox: Outbox;
  try {
    // The connection the rating screens queue ratings through (they may have, before this started).
    const db = await sharedFleetDatabase();
    identity = await loadIdentity(db, settings.device);
    outbox = new Outbox(db);
  } catch (error) {
    // Ed25519 came in Chromium 137; an older browser, or IndexedDB refused: say so, the kiosk runs on.
    const message = `reporting cannot start on this terminal: ${String(error)}`;
    fleetView.value = {
      ...fleetView.peek(),
      problem: { kind: 'broken', message, since: Date.now() },
    } as typeof fleetView.value;
    console.error(`[sunlight fleet] ${message}`);
    return;
  }
  fleetView.value = {
    ...fleetView.peek(),
    deviceId: identity.deviceId,
    fingerprint: identity.fingerprint,
  } as typeof fleetView.value;

  let reporter: ReturnType<typeof createReporter> | undefined;
  const changed = () => reporter?.changed();
  const commands = createCommandRunner(outbox, {
    checkNow: () => engine.checkNow(),
    switchMode: (mode) => terminalMode.switchTo(mode),
    useUrlMode: () => terminalMode.useUrlMode(),
    idle: session.idle,
    reload: (reason) => {
      // Logged first: the reason survives the reload, and the next report carries it as an event.
      logResilienceEvent('reload', reason);
      location.reload();
    },
    changed,
  });
  reporter = createReporter({
    outbox,
    sign: (text) => signReport(identity, text),
    send: httpSender(fleetUrl, settings.network.headersTimeoutMs),
    onCommands: (list) => commands.run(list),
    warn: (message) => console.error(`[sunlight fleet] ${message}`),
    draft: async () => {
      const status = sync.status.peek();
      const { cursors } = await outbox.meta();
      const fresh = newEvents(status, resilienceLog.peek(), cursors);
      const now = new Date();
      return {
        deviceId: identity.deviceId,
        sentAt: now,
        events: fresh.events,
        cursors: fresh.cursors,
        status: statusSnapshot({
          appVersion: __APP_VERSION__,
          sync: status,
          content: sync.content.peek(),
          mode: terminalMode.mode.peek(),
          modeSource: terminalMode.source.peek(),
          storage: await storageEstimate(),
          now,
          timeZone: systemTimeZone(),
          hallTimeZone: clock.timeZone.peek(),
          heapBytes: watchdogState.peek().heapBytes,
          resilience: resilienceLog.peek(),
        }),
      };
    },
  });

  // What is worth a report at once (report-trigger.ts): a report when its key changes, not on every status change.
  let trigger: string | undefined;
  effect(() => {
    const next = reportTrigger(sync.status.value, resilienceLog.value, terminalMode.mode.value);
    if (trigger !== undefined && next !== trigger) changed();
    trigger = next;
  });
  // A visitor's rating was queued: the next report carries it, a few seconds from now.
  globalThis.addEventListener(RATING_QUEUED_EVENT, changed);
  reporter.start();
}
