/** The same procedure as an ordered list: for screen readers, and for anyone who prefers reading to a chart. */
import { useApp, useT } from '../../app/context.ts';
import { type Step, StepFacts } from './StepFacts.tsx';

export function FlowList({ steps }: { steps: Step[] }) {
  const { view } = useApp();
  const t = useT('flow');
  return (
    <ol class="plain-list flow-list" aria-label={t('steps')}>
      {steps.map((s) => (
        <li key={s.node.id} class={`flow-list-item flow-list-${s.node.kind}`}>
          <span class="flow-list-number" aria-hidden="true">
            {s.number}
          </span>
          <div>
            <h2>
              <span class="visually-hidden">{t('stepNumber', { number: s.number })} </span>
              {view.text.value(s.node.label)}
            </h2>
            {s.node.kind !== 'step' && <p class="flow-kind">{t(`kind.${s.node.kind}`)}</p>}
            <StepFacts step={s} steps={steps} />
          </div>
        </li>
      ))}
    </ol>
  );
}
