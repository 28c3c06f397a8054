/** The shell: preparing screen until content exists, then the visitor's screens and a quiet footer. */
import type { NavigationModel } from '../models/navigation-model.ts';
import type { SyncModel } from '../models/sync-model.ts';
import { Home } from '../screens/Home.tsx';
import { Preparing } from '../screens/Preparing.tsx';
import { ServiceGuide } from '../screens/ServiceGuide.tsx';
import { textFor } from '../screens/text.ts';

export function App({ sync, nav }: { sync: SyncModel; nav: NavigationModel }) {
  const content = sync.content.value;
  if (!content) return <Preparing status={sync.status.value} />;
  const text = textFor(content.manifest.defaultLocale, content.manifest.defaultLocale);
  const screen = nav.current.value;
  return (
    <>
      {screen.name === 'service' ? (
        <ServiceGuide id={screen.id} content={content} text={text} nav={nav} />
      ) : (
        <Home content={content} text={text} nav={nav} />
      )}
      <footer>
        内容版本 Content version {content.version} · {content.channel.published.slice(0, 10)} ·{' '}
        {text(content.hall.name)}
      </footer>
    </>
  );
}
