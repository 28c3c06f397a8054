/** The hall's help desk as a map screen: where the dock's help button and a search with no result send a visitor. */
import type { Hall } from '../../content/schema.ts';
import type { Screen } from './screens.ts';

/** The map opened on the first place of kind help-desk; undefined when the hall's plan has none. */
export function helpDeskScreen(hall: Pick<Hall, 'floors'>): Screen | undefined {
  for (const f of hall.floors) {
    const p = f.places.find((place) => place.kind === 'help-desk');
    if (p) return { name: 'map', floor: f.id, place: p.id };
  }
  return undefined;
}
