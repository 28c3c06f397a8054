/** The kiosk's entry: open the content store, start sync, wire the models once, render from the store only. */
// First, before the other modules run: a failure in anything below shows the fallback screen, never a blank page.
import './resilience/boot-guard.tsx';
import { computed, effect } from '@preact/signals';
import { render } from 'preact';
import { hallTimeZone } from '../content/hall-time.ts';
import type { ActiveContent } from '../sync/index.ts';
import { openContentStore, SyncEngine } from '../sync/index.ts';
import { createAccessModel } from './access/access-model.ts';
import { App } from './app/App.tsx';
import { registerAppUpdates } from './app/app-updates.ts';
import { installFonts } from './app/fonts.ts';
import { preloadScreens } from './app/lazy-screens.ts';
import { readSettings, visitLanguage } from './config.ts';
import { reportingDidNotLoad } from './fleet/fleet-state.ts';
import { setupI18n } from './i18n/setup.ts';
import { installLockdown } from './lockdown/install.ts';
import { createClockModel } from './models/clock-model.ts';
import { createSessionModel } from './models/session-model.ts';
import { createSyncModel } from './models/sync-model.ts';
import { createViewModel } from './models/view-model.ts';
import { createVisitModel } from './models/visit-model.ts';
import { bootCrashed, bootRendered } from './resilience/boot-guard.tsx';
import { sunlightBreak } from './resilience/test-hooks.ts';
import { readWatchdogLimits, startWatchdog } from './resilience/watchdog.ts';
import { createModeModel } from './staff/mode-model.ts';

const DEFAULT_IDLE_SECONDS = 90;
const FLEET_START_DELAY_MS = 2_000;

/** Without storage nothing can show; say so plainly and try again later (the launcher clears stale locks). */
function storageFailed(reason: unknown): void {
  document.getElementById('app')!.textContent = '';
  render(
    <main class="preparing">
      <h1>暂时无法显示内容</h1>
      <p>本机的内容存储无法打开。请到服务台咨询工作人员。</p>
      <p lang="en">This screen cannot open its content storage. Please ask at the help desk.</p>
      <p class="quiet">{String(reason)}</p>
    </main>,
    document.getElementById('app')!,
  );
  bootRendered();
  setTimeout(() => location.reload(), 60_000);
}

async function boot(): Promise<void> {
  installLockdown();
  const settings = readSettings(location);
  let opened: Awaited<ReturnType<typeof openContentStore>>;
  try {
    opened = await openContentStore();
  } catch (e) {
    return storageFailed(e);
  }
  const { store, recreated } = opened;
  const terminalMode = createModeModel(settings, globalThis.localStorage);
  const engine = new SyncEngine(store, {
    feedUrl: settings.feedUrl,
    channel: settings.channel,
    trustedKeys: settings.trustedKeys,
    network: settings.network,
    activation: terminalMode.attractOnly.value ? 'immediate' : 'idle',
  });
  await Promise.all([
    setupI18n(),
    engine.init(
      recreated ? 'the content database could not be opened and was recreated: syncing again' : undefined,
    ),
  ]);
  const sync = createSyncModel(engine);
  await sync.loaded();
  const clock = createClockModel(() => hallTimeZone(sync.content.value?.hall));
  const content = computed(() => sync.content.value as ActiveContent);
  const visit = createVisitModel(() => visitLanguage(settings, sync.content.value?.manifest).locale);
  const view = createViewModel(content, clock, visit.locale);
  const idleSeconds = () =>
    settings.idleSeconds ?? sync.content.value?.attract?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  const access = createAccessModel();
  const session = createSessionModel({
    idleSeconds,
    attractOnly: () => terminalMode.attractOnly.value,
    onWipe: () => {
      visit.reset();
      access.reset();
    },
    onIdleChange: (isIdle) => void engine.setIdle(isIdle),
  });
  // Staff may switch the mode on the panel: sync follows at once.
  effect(() => void engine.setActivation(terminalMode.attractOnly.value ? 'immediate' : 'idle'));
  // Fonts follow the active content: a new version may use new characters.
  effect(() => void installFonts(sync.content.value));
  registerAppUpdates(session.idle);
  const root = document.getElementById('app')!;
  root.textContent = '';
  render(
    <App models={{ view, visit, clock, settings, session, access, sync, engine, terminalMode }} />,
    root,
  );
  bootRendered();
  startWatchdog({
    phase: session.phase,
    hall: () => sync.content.value?.hall,
    limits: readWatchdogLimits(location.search),
  });
  // For tests only (a kiosk has no address bar to add ?e2e): open any screen, switch modes, break a render,
  // and the real searcher chunk over the active content for the search bench.
  if (new URLSearchParams(location.search).has('e2e'))
    Object.assign(window, {
      sunlightVisit: visit,
      sunlightAccess: access,
      sunlightBreak,
      sunlightSearcher: () => import('./search/load-searcher.ts').then((m) => m.loadSearcher(content.value)),
    });
  engine.start();
  // Reporting to a fleet service, only with a fleet URL: loaded a moment after the first paint, so it is
  // neither in the first screen's JavaScript nor under a visitor's first tap (docs/fleet-terminal.md).
  const fleetUrl = settings.fleetUrl;
  if (fleetUrl)
    setTimeout(() => {
      import('./fleet/start.ts')
        .then((m) => m.startFleet(fleetUrl, { settings, sync, engine, terminalMode, session, clock }))
        .catch((e: unknown) => {
          console.error('[sunlight fleet] reporting did not start', e);
          reportingDidNotLoad(fleetUrl, e, clock.now.peek().getTime());
        });
    }, FLEET_START_DELAY_MS);
  // After the first paint: the other screens' chunks, so no later tap waits for them.
  requestAnimationFrame(preloadScreens);
}

boot().catch(bootCrashed);
