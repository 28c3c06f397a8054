/** Search with the on-screen keyboard (placeholder until it lands). */
import { useT } from '../../app/context.ts';

export function SearchScreen(_: { query?: string }) {
  const t = useT('search');
  return <h1>{t('title')}</h1>;
}
