/** The root: the preparing screen until content exists; then the visit, the attract playlist and the staff panel. */

import { useMemo } from 'preact/hooks';
import { AttractScreen } from '../attract/AttractScreen.tsx';
import { StillThere } from '../attract/StillThere.tsx';
import { wireRatings } from '../ratings/wire-ratings.ts';
import { RenderGuard } from '../resilience/RenderGuard.tsx';
import { Preparing } from '../screens/Preparing.tsx';
import { StaffLayer } from '../staff/StaffLayer.tsx';
import { AppContext, type AppModels, type BaseModels } from './context.ts';
import { Shell } from './Shell.tsx';

export function App({ models: base }: { models: BaseModels }) {
  // Made once: the visit's ratings follow the session (kiosk/ratings/wire-ratings.ts).
  const models: AppModels = useMemo(() => ({ ...base, ratings: wireRatings(base) }), [base]);
  if (!models.sync.content.value) return <Preparing status={models.sync.status.value} />;
  const phase = models.session.phase.value;
  return (
    <AppContext.Provider value={models}>
      <RenderGuard>
        {phase === 'attract' ? <AttractScreen /> : <Shell />}
        {phase === 'still-there' && <StillThere />}
      </RenderGuard>
      <StaffLayer />
    </AppContext.Provider>
  );
}
