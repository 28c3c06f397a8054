/** Home: the hall, whether it is open now, a way into search, and one large entry per thing a visitor comes for. */
import { useApp, useT } from '../../app/context.ts';
import { HoursBadge } from '../../ui/HoursBadge.tsx';
import { Tile } from '../../ui/Tile.tsx';
import { SearchEntry } from '../Search/SearchEntry.tsx';

export function Home() {
  const { view, visit } = useApp();
  const t = useT();
  const hall = view.content.value.hall;
  const text = view.text.value;
  return (
    <div class="home">
      <div class="home-hall">
        <h1>{text(hall.name)}</h1>
        <HoursBadge />
      </div>
      <SearchEntry />
      <nav class="tiles" aria-label={t('nav.sections')}>
        <Tile
          icon="guide"
          title={t('home.services')}
          hint={t('home.servicesHint')}
          onClick={() => visit.go({ name: 'services' })}
        />
        <Tile
          icon="directory"
          title={t('home.directory')}
          hint={t('home.directoryHint')}
          onClick={() => visit.go({ name: 'directory' })}
        />
        <Tile
          icon="fees"
          title={t('home.fees')}
          hint={t('home.feesHint')}
          onClick={() => visit.go({ name: 'fees' })}
        />
        <Tile
          icon="complaints"
          title={t('home.complaints')}
          hint={t('home.complaintsHint')}
          onClick={() => visit.go({ name: 'complaints' })}
        />
        <Tile
          icon="notices"
          title={t('home.notices')}
          hint={t('home.noticesHint')}
          onClick={() => visit.go({ name: 'notices' })}
        />
        <Tile
          icon="map"
          title={t('home.maps')}
          hint={t('home.mapsHint')}
          onClick={() => visit.go({ name: 'map' })}
        />
      </nav>
    </div>
  );
}
