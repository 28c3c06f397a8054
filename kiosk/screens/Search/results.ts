/** What the results list shows: how many matched, titles cut into marked parts, and where a hit leads. */
import type { Screen } from '../../app/screens.ts';
import type { SearchHit, SearchResults } from '../../search/types.ts';

/** How many matched in all (a group may list fewer than matched). */
export const hitCount = (groups: SearchResults['groups']): number =>
  groups.reduce((n, g) => n + (g.total ?? g.hits.length), 0);

/** A title as runs of plain and matched text; ranges may overlap, touch, or reach past the end. */
export function markedParts(
  title: string,
  highlights: SearchHit['highlights'],
): Array<{ text: string; marked: boolean }> {
  const ranges = highlights
    .map(([s, e]) => [Math.max(0, s), Math.min(title.length, e)] as const)
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  // Touching or overlapping ranges become one mark, so a title reads as few pieces as possible.
  const merged: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push({ text: title.slice(at, s), marked: false });
    parts.push({ text: title.slice(s, e), marked: true });
    at = e;
  }
  if (at < title.length) parts.push({ text: title.slice(at), marked: false });
  return parts;
}

/** The screen a tapped hit opens. Channels have no page of their own: they are listed on complaints. */
export function hitTarget(hit: Pick<SearchHit, 'kind' | 'id'>): Screen {
  switch (hit.kind) {
    case 'service':
      return { name: 'service', id: hit.id };
    case 'department':
      return { name: 'department', id: hit.id };
    case 'fee':
      return { name: 'fees', fee: hit.id };
    case 'channel':
      return { name: 'complaints' };
    case 'notice':
      return { name: 'notice', id: hit.id };
  }
}
