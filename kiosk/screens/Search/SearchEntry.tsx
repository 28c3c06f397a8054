/** The way into search from Home: one wide bar that looks like a search field and says what can be typed. */
import { useApp, useT } from '../../app/context.ts';
import { Icon } from '../../ui/Icon.tsx';
import './entry.css';

export function SearchEntry() {
  const { visit } = useApp();
  const t = useT('search');
  return (
    <button type="button" class="search-entry" onClick={() => visit.go({ name: 'search' })}>
      <Icon name="search" size={48} />
      <span class="search-entry-text">
        <span class="search-entry-title">{t('entry.title')}</span>
        <span class="search-entry-hint">{t('entry.hint')}</span>
      </span>
      <Icon name="chevron" size={36} />
    </button>
  );
}
