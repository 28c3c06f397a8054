/** The staff panel proper: facts and problems in a scrolling body, the actions low on the screen. */
import { useApp, useT } from '../app/context.ts';
import { CheckChart } from './CheckChart.tsx';
import { PanelActions } from './PanelActions.tsx';
import { ContentFacts, TerminalFacts } from './PanelFacts.tsx';
import { FleetFacts } from './PanelFleet.tsx';
import { AppHealth, Refusal, StartUrlNotes, SyncLog } from './PanelLog.tsx';

export function Panel({ onClose }: { onClose: () => void }) {
  const t = useT('staff');
  const checks = useApp().sync.status.value.checks;
  return (
    <>
      <div class="staff-body">
        <StartUrlNotes t={t} />
        <ContentFacts t={t} />
        <TerminalFacts t={t} />
        <section class="staff-section staff-wide" aria-labelledby="staff-checks">
          <h2 id="staff-checks">{t('section.checks')}</h2>
          <CheckChart checks={checks} t={t} />
        </section>
        <Refusal t={t} />
        <SyncLog t={t} />
        <AppHealth t={t} />
        <FleetFacts t={t} />
      </div>
      <PanelActions t={t} onClose={onClose} />
    </>
  );
}
