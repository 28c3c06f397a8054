/** A tapped step's detail in a panel beside the chart (below it in portrait), with a close button. */
import { useEffect, useRef } from 'preact/hooks';
import { useApp, useT } from '../../app/context.ts';
import { type Step, StepFacts } from './StepFacts.tsx';

export function NodeDetail({ step, steps, onClose }: { step: Step; steps: Step[]; onClose: () => void }) {
  const { view } = useApp();
  const t = useT('flow');
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the visitor into the panel, and Escape closes it (for keyboards and switch access).
  useEffect(() => heading.current?.focus(), [step.node.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section class="flow-detail" role="dialog" aria-labelledby="flow-detail-heading">
      <div class="flow-detail-head">
        <p class="flow-kind">
          {t('stepNumber', { number: step.number })} · {t(`kind.${step.node.kind}`)}
        </p>
        <button type="button" class="flow-close" onClick={onClose}>
          <span aria-hidden="true">×</span> {t('close')}
        </button>
      </div>
      <h2 id="flow-detail-heading" ref={heading} tabIndex={-1}>
        {view.text.value(step.node.label)}
      </h2>
      <StepFacts step={step} steps={steps} />
    </section>
  );
}
