/** A service's procedure: a flowchart to tap through, or the same steps as a list, one tap apart. */
import { useCallback, useState } from 'preact/hooks';
import { useApp, useT } from '../../app/context.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { FlowChart, READABLE_NODES } from './FlowChart.tsx';
import { FlowList } from './FlowList.tsx';
import { NodeDetail } from './NodeDetail.tsx';
import { saysMore } from './StepFacts.tsx';
import { orderSteps } from './steps.ts';
import './style.css';

export function FlowScreen({ id, view: mode = 'chart' }: { id: string; view?: 'chart' | 'list' }) {
  const { view, visit } = useApp();
  const t = useT('flow');
  const [open, setOpen] = useState<string | undefined>(undefined);
  // The detail card lies over the chart on the side away from the step it tells of, so both show.
  const [side, setSide] = useState<'left' | 'right'>('right');
  const openStep = useCallback((id: string) => {
    const r = document.querySelector(`[data-node="${id}"]`)?.getBoundingClientRect();
    setSide(r && r.left + r.width / 2 > window.innerWidth / 2 ? 'left' : 'right');
    setOpen(id);
  }, []);
  const service = view.service(id);
  const flow = service?.flow;
  const close = useCallback(() => {
    const was = open;
    setOpen(undefined);
    // Back to the node that opened the panel, so a keyboard or screen reader keeps its place.
    if (was)
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-node="${was}"]`)?.focus());
  }, [open]);
  if (!service || !flow) return <ScreenTitle title={t('title')} subtitle={t('notFound')} />;
  const text = view.text.value;
  const layout =
    flow.layout[view.locale.value] ?? flow.layout[view.defaultLocale.value] ?? Object.values(flow.layout)[0];
  const steps = orderSteps(flow.nodes, flow.edges);
  const step = steps.find((s) => s.node.id === open);
  const show = (next: 'chart' | 'list') => {
    setOpen(undefined);
    visit.replace({ name: 'flow', id, view: next });
  };
  return (
    <div class={`flow flow-mode-${mode}`}>
      <div class="flow-head">
        <ScreenTitle title={t('title')} subtitle={text(service.name)} />
        <fieldset class="flow-toggle">
          <legend class="visually-hidden">{t('show')}</legend>
          <button type="button" aria-pressed={mode === 'chart'} onClick={() => show('chart')}>
            {t('chart')}
          </button>
          <button type="button" aria-pressed={mode === 'list'} onClick={() => show('list')}>
            {t('list')}
          </button>
        </fieldset>
      </div>
      {mode === 'list' || !layout ? (
        <FlowList steps={steps} />
      ) : (
        <div class={`flow-body flow-detail-${side}`}>
          <FlowChart
            nodes={flow.nodes}
            edges={flow.edges}
            layout={layout}
            tappable={new Set(steps.filter(saysMore).map((s) => s.node.id))}
            selected={open}
            onOpen={openStep}
          />
          <aside class="flow-side">
            {step && <NodeDetail step={step} steps={steps} onClose={close} />}
            <p class="flow-hint">{t('hintChart')}</p>
            {flow.nodes.length > READABLE_NODES && <p class="flow-hint">{t('hintLarge')}</p>}
            <Legend />
          </aside>
        </div>
      )}
    </div>
  );
}

/** What the shapes and lines mean, in words beside small copies of them: never shape or colour alone. */
function Legend() {
  const t = useT('flow');
  return (
    <section class="flow-legend" aria-labelledby="flow-legend">
      <h2 id="flow-legend">{t('legend')}</h2>
      <ul class="plain-list">
        <li>
          <svg width="64" height="36" viewBox="0 0 64 36" aria-hidden="true" class="flow-node flow-start">
            <rect class="flow-shape" x="2" y="2" width="60" height="32" rx="16" />
          </svg>
          {t('legendStart')}
        </li>
        <li>
          <svg width="64" height="36" viewBox="0 0 64 36" aria-hidden="true" class="flow-node flow-step">
            <rect class="flow-shape" x="2" y="2" width="60" height="32" rx="5" />
          </svg>
          {t('legendStep')}
        </li>
        <li>
          <svg width="64" height="36" viewBox="0 0 64 36" aria-hidden="true" class="flow-node flow-decision">
            <path class="flow-shape" d="M32 2L62 18L32 34L2 18Z" />
          </svg>
          {t('legendDecision')}
        </li>
        <li>
          <svg width="64" height="36" viewBox="0 0 64 36" aria-hidden="true">
            <path class="flow-edge flow-edge-back" d="M4 18H60" />
          </svg>
          {t('legendBack')}
        </li>
      </ul>
    </section>
  );
}
