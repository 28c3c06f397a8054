/** The kiosk's entry: open the content store, start sync, and render from the store only. */
import { render } from 'preact';
import { openContentStore, SyncEngine } from '../sync/index.ts';
import { App } from './app/App.tsx';
import { readSettings } from './config.ts';
import { createIdleModel } from './models/idle-model.ts';
import { createNavigationModel } from './models/navigation-model.ts';
import { createSyncModel } from './models/sync-model.ts';

const DEFAULT_IDLE_SECONDS = 90;

/** Without storage nothing can show; say so plainly and try again later (the launcher clears stale locks). */
function storageFailed(reason: unknown): void {
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
  });
  await engine.init(
    recreated ? 'the content database could not be opened and was recreated: syncing again' : undefined,
  );
  const sync = createSyncModel(store, engine);
  const nav = createNavigationModel();
  const idleSeconds = () =>
    settings.idleSeconds ?? sync.content.value?.attract?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  createIdleModel(idleSeconds, (idle) => void engine.setIdle(idle));
  await sync.reload();
  render(<App sync={sync} nav={nav} />, document.getElementById('app')!);
  engine.start();
}

void boot();
