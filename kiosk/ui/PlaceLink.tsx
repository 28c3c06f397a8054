/** A window, room or desk named anywhere: one tap shows it highlighted on its floor's map. */
import { useApp, useT } from '../app/context.ts';
import { Icon } from './Icon.tsx';

export function PlaceLink({ place, label }: { place: string; label?: string }) {
  const { view, visit } = useApp();
  const t = useT();
  const found = view.places.value.get(place);
  if (!found) return label ? <span>{label}</span> : null;
  const text = view.text.value;
  return (
    <button
      type="button"
      class="place-link"
      onClick={() => visit.go({ name: 'map', floor: found.floor.id, place })}
    >
      <Icon name="pin" size={28} />
      <span>
        {label ?? text(found.place.name)} · {text(found.floor.name)}
      </span>
      <span class="place-link-action">{t('nav.map')}</span>
    </button>
  );
}
