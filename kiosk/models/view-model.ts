/** What the visitor can see now: content filtered by the hall's date today (clock.today), in their language, with lookups. */
import { computed, type ReadonlySignal } from '@preact/signals';
import { inForce, noticeInForce } from '../../content/in-force.ts';
import { resolveText } from '../../content/localized.ts';
import type { LocalizedText, RichNode } from '../../content/schema.ts';
import type { ActiveContent } from '../../sync/index.ts';
import type { ClockModel } from './clock-model.ts';
import { createMediaUrls } from './media-urls.ts';

export function createViewModel(
  content: ReadonlySignal<ActiveContent>,
  clock: ClockModel,
  locale: ReadonlySignal<string>,
) {
  const c = () => content.value;
  const defaultLocale = computed(() => c().manifest.defaultLocale);
  const text = computed(
    () => (t: LocalizedText | undefined) =>
      t === undefined ? '' : resolveText(t, locale.value, defaultLocale.value),
  );
  const rich = computed(
    () =>
      (r: Record<string, RichNode[]> | undefined): RichNode[] =>
        r ? (r[locale.value] ?? r[defaultLocale.value] ?? Object.values(r)[0] ?? []) : [],
  );
  const services = computed(() => c().services.filter((s) => inForce(s, clock.today.value)));
  const fees = computed(() => c().fees.filter((f) => inForce(f, clock.today.value)));
  const notices = computed(() =>
    c()
      .notices.filter((n) => noticeInForce(n, clock.today.value))
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.date.localeCompare(a.date)),
  );
  const places = computed(() => {
    const map = new Map<
      string,
      {
        place: ActiveContent['hall']['floors'][number]['places'][number];
        floor: ActiveContent['hall']['floors'][number];
      }
    >();
    for (const floor of c().hall.floors)
      for (const place of floor.places) map.set(place.id, { place, floor });
    return map;
  });
  const media = createMediaUrls(content);
  return {
    content,
    locale,
    defaultLocale,
    text,
    rich,
    services,
    fees,
    notices,
    urgent: computed(() => notices.value.filter((n) => n.urgent)),
    places,
    service: (id: string) => services.value.find((s) => s.id === id),
    department: (id: string) => c().departments.find((d) => d.id === id),
    fee: (id: string) => fees.value.find((f) => f.id === id),
    channel: (id: string) => c().channels.find((ch) => ch.id === id),
    /** A blob URL for a media path of the bundle; undefined when the bundle lacks it. Old versions' are revoked. */
    mediaUrl: media.url,
  };
}
export type ViewModel = ReturnType<typeof createViewModel>;
