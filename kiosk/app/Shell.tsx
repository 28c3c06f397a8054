/** Every screen's frame: urgent notices, the screen, the accessibility sheet and a dock with back, home, language, search, accessibility and help; the visitor's modes as classes on its root. */
import { useEffect, useRef } from 'preact/hooks';
import { AccessButton } from '../access/AccessButton.tsx';
import { AccessSheet } from '../access/AccessSheet.tsx';
import { useReadAloud } from '../access/use-read-aloud.ts';
import { useScreenHeading } from '../access/use-screen-heading.ts';
import { Icon } from '../ui/Icon.tsx';
import { UrgentBanner } from '../ui/UrgentBanner.tsx';
import { useApp, useT } from './context.ts';
import { Router } from './Router.tsx';

export function Shell() {
  const { view, visit, access } = useApp();
  const t = useT();
  const ta = useT('access');
  const text = view.text.value;
  const screen = visit.current.value;
  const content = view.content.value;
  const main = useRef<HTMLElement>(null);
  const reach = access.reach.value;
  // A new screen starts at its top, with the sheet of modes closed.
  useEffect(() => {
    main.current?.scrollTo(0, 0);
    access.panelOpen.value = false;
  }, [screen, access]);
  useReadAloud(main, screen);
  const heading = useScreenHeading(main, reach);
  const otherLocale =
    content.manifest.locales.find((l) => l !== visit.locale.value) ?? content.manifest.defaultLocale;
  const helpDesk = content.hall.floors
    .flatMap((f) => f.places.map((p) => ({ f, p })))
    .find(({ p }) => p.kind === 'help-desk');
  const modes = [
    access.largeText.value && 'large-text',
    reach && 'reach',
    access.highContrast.value && 'high-contrast',
  ].filter(Boolean);
  const urgent = view.urgent.value;
  return (
    <div
      class={['shell', `screen-${screen.name}`, ...modes].join(' ')}
      lang={visit.locale.value}
      style={urgent.length > 0 ? { '--urgent-lines': String(urgent.length) } : undefined}
    >
      {reach && (
        // Orientation only, nothing to tap: it repeats the h1 for the eye, so screen readers skip it.
        <div class="reach-top" aria-hidden="true">
          <p class="reach-heading">{heading}</p>
          <p class="reach-note">
            <Icon name="access" /> {ta('reachNote')} <span class="reach-arrow">↓</span>
          </p>
        </div>
      )}
      <UrgentBanner />
      <main ref={main} class="screen" id="main" tabindex={0}>
        <Router screen={screen} />
      </main>
      <AccessSheet />
      <nav class="dock" aria-label={ta('dock')}>
        <button
          type="button"
          class="dock-button"
          onClick={() => visit.back()}
          disabled={!visit.canGoBack.value}
        >
          <Icon name="back" /> {t('nav.back')}
        </button>
        <button
          type="button"
          class="dock-button"
          onClick={() => visit.home()}
          disabled={screen.name === 'home'}
        >
          <Icon name="home" /> {t('nav.home')}
        </button>
        {content.manifest.locales.length > 1 && (
          <button
            type="button"
            class="dock-button"
            lang={otherLocale}
            onClick={() => visit.setLocale(otherLocale)}
          >
            <Icon name="globe" /> {t('nav.language')}
          </button>
        )}
        <button
          type="button"
          class="dock-button"
          onClick={() => visit.go({ name: 'search' })}
          disabled={screen.name === 'search'}
        >
          <Icon name="search" /> {t('nav.search')}
        </button>
        <AccessButton />
        {helpDesk && (
          <button
            type="button"
            class="dock-button dock-help"
            onClick={() => visit.go({ name: 'map', floor: helpDesk.f.id, place: helpDesk.p.id })}
          >
            <Icon name="help" /> {t('nav.help')}
          </button>
        )}
      </nav>
      <footer class="quiet-footer">
        {t('footer.version', {
          version: content.version,
          date: content.channel.published.slice(0, 10),
          hall: text(content.hall.name),
        })}
      </footer>
    </div>
  );
}
