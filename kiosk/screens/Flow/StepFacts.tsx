/** What a step says beyond its label: its window (linked to the map), how long it takes, its detail, where it leads. */
import type { Service } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { PlaceLink } from '../../ui/PlaceLink.tsx';
import { RichText } from '../../ui/RichText.tsx';
import { windowPlace } from '../ServiceGuide/where.ts';
import { followsOn, type OrderedStep } from './steps.ts';

type Flow = NonNullable<Service['flow']>;
export type FlowNode = Flow['nodes'][number];
export type Step = OrderedStep<FlowNode, Flow['edges'][number]['label']>;

/** Whether StepFacts has anything to show for a step: a window, a time, a detail, or branches worth words. */
export const saysMore = (step: Step): boolean =>
  !!(step.node.window || step.node.duration || step.node.detail) ||
  !(step.next.length === 0 || followsOn(step));

export function StepFacts({ step, steps }: { step: Step; steps: Step[] }) {
  const { view } = useApp();
  const t = useT('flow');
  const text = view.text.value;
  const n = step.node;
  const places = view.content.value.hall.floors.flatMap((f) => f.places);
  const place = n.window ? windowPlace(places, n.window) : undefined;
  const label = (id: string) => {
    const to = steps.find((s) => s.node.id === id);
    return to ? text(to.node.label) : '';
  };
  return (
    <>
      {n.window &&
        (place ? (
          <p class="flow-fact">
            <PlaceLink place={place.id} label={t('window', { window: n.window })} />
          </p>
        ) : (
          <p class="flow-fact">{t('window', { window: n.window })}</p>
        ))}
      {n.duration && <p class="flow-fact">{t('duration', { duration: text(n.duration) })}</p>}
      {n.detail && <RichText nodes={view.rich.value(n.detail)} />}
      {step.next.length === 0 || followsOn(step) ? null : (
        <ul class="plain-list flow-branches">
          {step.next.map((b) => (
            <li key={b.to} class={b.back ? 'flow-branch-back' : undefined}>
              {b.label !== undefined
                ? t(b.back ? 'goBack' : 'goTo', { label: text(b.label), number: b.number, step: label(b.to) })
                : t(b.back ? 'back' : 'next', { number: b.number, step: label(b.to) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
