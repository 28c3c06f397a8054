/** How the map names the places it marks: shared by the map screen and reach mode's plan above the line. */
import type { TFunction } from 'i18next';
import type { Hall } from '../../../content/schema.ts';
import { windowList } from '../../logic/windows.ts';
import { windowNumber } from './plan.ts';

type Place = Hall['floors'][number]['places'][number];

/** What the places asked for are called together: "4、5号窗口" for numbered windows, else their names. */
export function placesLabel(places: Place[], text: (l: Place['name']) => string, t: TFunction): string {
  const numbers = places.map((p) => (p.kind === 'window' ? windowNumber(text(p.name)) : undefined));
  if (places.length > 1 && numbers.every((n) => n !== undefined))
    return t('windowsMarked', { list: windowList(numbers, t('listSeparator')) });
  return places.map((p) => text(p.name)).join(t('listSeparator'));
}
