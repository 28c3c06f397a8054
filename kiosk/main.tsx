/** The kiosk's entry: open the content store, start sync, wire the models once, render from the store only. */
import { computed, effect } from '@preact/signals';
import { render } from 'preact';
import type { ActiveContent } from '../sync/index.ts';
import { openContentStore, SyncEngine } from '../sync/index.ts';
import { createAccessModel } from './access/access-model.ts';
import { App } from './app/App.tsx';
import { registerAppUpdates } from './app/app-updates.ts';
import { installFonts } from './app/fonts.ts';
import { preloadScreens } from './app/lazy-screens.ts';
import { readSettings } from './config.ts';
import { setupI18n } from './i18n/setup.ts';
import { createClockModel } from './models/clock-model.ts';
import { createSessionModel } from './models/session-model.ts';
import { createSyncModel } from './models/sync-model.ts';
import { createViewModel } from './models/view-model.ts';
import { createVisitModel } from './models/visit-model.ts';

const DEFAULT_IDLE_SECONDS = 90;

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
  setTimeout(() => location.reload(), 60_000);
}

async function boot(): Promise<void> {
  const settings = readSettings(location);
  let opened: Awaited<ReturnType<typeof openContentStore>>;
  try {
    opened = await openContentStore();
  } catch (e) {
    return storageFailed(e);
  }
  const { store, recreated } = opened;
  const engine = new SyncEngine(store, {
    feedUrl: settings.feedUrl,
    channel: settings.channel,
    trustedKeys: settings.trustedKeys,
    activation: settings.mode === 'attract' ? 'immediate' : 'idle',
  });
  await Promise.all([
    setupI18n(),
    engine.init(
      recreated ? 'the content database could not be opened and was recreated: syncing again' : undefined,
    ),
  ]);
  const sync = createSyncModel(store, engine);
  await sync.loaded();
  const clock = createClockModel();
  const content = computed(() => sync.content.value as ActiveContent);
  const visit = createVisitModel(() => sync.content.value?.manifest.defaultLocale ?? 'zh-CN');
  const view = createViewModel(content, clock, visit.locale);
  const idleSeconds = () =>
    settings.idleSeconds ?? sync.content.value?.attract?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  const access = createAccessModel();
  const session = createSessionModel({
    idleSeconds,
    attractOnly: () => settings.mode === 'attract',
    onWipe: () => {
      visit.reset();
      access.reset();
    },
    onIdleChange: (isIdle) => void engine.setIdle(isIdle),
  });
  // Fonts follow the active content: a new version may use new characters.
  effect(() => void installFonts(sync.content.value));
  registerAppUpdates(session.idle);
  const root = document.getElementById('app')!;
  root.textContent = '';
  render(<App models={{ view, visit, clock, settings, session, access, sync, engine }} />, root);
  // For the every-screen test only: open any screen directly (a kiosk has no address bar to add this).
  if (new URLSearchParams(location.search).has('e2e'))
    Object.assign(window, { sunlightVisit: visit, sunlightAccess: access });
  engine.start();
  // After the first paint: the other screens' chunks, so no later tap waits for them.
  requestAnimationFrame(() => setTimeout(preloadScreens, 0));
}

void boot();
