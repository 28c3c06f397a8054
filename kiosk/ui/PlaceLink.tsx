/** A window, room or desk named anywhere: one tap shows it highlighted on its floor's map. */
import { useApp, useT } from '../app/context.ts';
import { Icon } from './Icon.tsx';

/** `place` may be several (a guide's windows 4 and 5): the map marks them all, on the first one's floor. */
export function PlaceLink({ place, label }: { place: string | string[]; label?: string }) {
  const { view, visit } = useApp();
  const t = useT();
  const ids = typeof place === 'string' ? [place] : place;
  const found = ids[0] === undefined ? undefined : view.places.value.get(ids[0]);
  if (!found) return label ? <span>{label}</span> : null;
  const text = view.text.value;
  return (
    <button
      type="button"
      class="place-link"
      onClick={() =>
        visit.go({
          name: 'map',
          floor: found.floor.id,
          place: ids[0],
          ...(ids.length > 1 ? { places: ids } : {}),
        })
      }
    >
      <Icon name="pin" size={28} />
      <span>
        {label ?? text(found.place.name)} · {text(found.floor.name)}
      </span>
      <span class="place-link-action">{t('nav.map')}</span>
    </button>
  );
}
