/** The root: the preparing screen until content exists, then the visitor's shell. */
import type { SyncModel } from '../models/sync-model.ts';
import { Preparing } from '../screens/Preparing.tsx';
import { AppContext, type AppModels } from './context.ts';
import { Shell } from './Shell.tsx';

export function App({ sync, models }: { sync: SyncModel; models: AppModels }) {
  if (!sync.content.value) return <Preparing status={sync.status.value} />;
  return (
    <AppContext.Provider value={models}>
      <Shell />
    </AppContext.Provider>
  );
}
