/** The search screen: a light shell that loads the keyboard and results code on first use, with a calm wait. */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../app/context.ts';
import { loadPanel } from './panel.ts';

type Panel = Awaited<ReturnType<typeof loadPanel>>['SearchPanel'];

/** Kept once loaded, so coming back to search paints at once. */
let loaded: Panel | undefined;

export function SearchScreen({ query }: { query?: string }) {
  const t = useT('search');
  const [Panel, setPanel] = useState<Panel | undefined>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Panel) return;
    let live = true;
    loadPanel().then(
      (m) => {
        loaded = m.SearchPanel;
        if (live) setPanel(() => m.SearchPanel);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [Panel]);
  if (Panel) return <Panel query={query ?? ''} />;
  return (
    <div class="search-waiting">
      <h1>{t('title')}</h1>
      <p role="status" class={failed ? undefined : 'search-waiting-note'}>
        {failed ? t('unavailable') : t('loading')}
      </p>
    </div>
  );
}
