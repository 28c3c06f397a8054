/** Every screen's frame: urgent notices, the screen, the accessibility sheet and a dock with back, home, language, search, accessibility and help; the visitor's modes as classes on its root. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AccessButton } from '../access/AccessButton.tsx';
import { AccessSheet } from '../access/AccessSheet.tsx';
import { ReachPane } from '../access/reach/ReachPane.tsx';
import { useReadAloud } from '../access/use-read-aloud.ts';
import { useScreenHeading } from '../access/use-screen-heading.ts';
import { RatingDockButton, useDockRating } from '../ratings/RatingDockButton.tsx';
import { ratingSheet } from '../ratings/wire-ratings.ts';
import { Icon } from '../ui/Icon.tsx';
import { UrgentBanner } from '../ui/UrgentBanner.tsx';
import { useApp, useT } from './context.ts';
import { helpDeskScreen } from './help-desk.ts';
import { Router } from './Router.tsx';

export function Shell() {
  const { view, visit, access, ratings } = useApp();
  const t = useT();
  const ta = useT('access');
  const text = view.text.value;
  const screen = visit.current.value;
  const content = view.content.value;
  const main = useRef<HTMLElement>(null);
  const reach = access.reach.value;
  // A screen opens where the visitor left it (back), or at its top (a screen opened anew), before it paints;
  // its scrolling is remembered only once it is placed, so the old screen's position never lands on the new one.
  const placed = useRef<unknown>(undefined);
  useLayoutEffect(() => {
    main.current?.scrollTo(0, visit.scrollOf(screen));
    placed.current = screen;
  }, [screen, visit]);
  const onScroll = () => {
    if (main.current && placed.current === visit.current.value) visit.rememberScroll(main.current.scrollTop);
  };
  // A new screen starts with the sheet of modes closed, and with no question under way: leaving a
  // question not finished dismisses it (nothing is sent).
  useEffect(() => {
    access.panelOpen.value = false;
    if (ratings.flow.peek()) ratings.dismiss();
  }, [screen, access, ratings]);
  const Sheet = ratingSheet.value?.RatingSheet;
  const rating = useDockRating();
  useReadAloud(main, screen);
  const { heading, intro } = useScreenHeading(main, reach);
  // Whether reach mode's pane shows its part of this screen whole: only then does the screen below leave it out.
  const [paneWhole, setPaneWhole] = useState(false);
  const otherLocale =
    content.manifest.locales.find((l) => l !== visit.locale.value) ?? content.manifest.defaultLocale;
  const helpDesk = helpDeskScreen(content.hall);
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
      data-reach-whole={reach && paneWhole ? '' : undefined}
      style={urgent.length > 0 ? { '--urgent-lines': String(urgent.length) } : undefined}
    >
      {reach && (
        // The upper half: what this screen gives to read, nothing to tap (kiosk/access/reach/, docs/accessibility.md).
        <ReachPane screen={screen} heading={heading} intro={intro} onFit={setPaneWhole} />
      )}
      <UrgentBanner />
      <main ref={main} class="screen" id="main" tabindex={0} onScroll={onScroll}>
        <Router screen={screen} />
      </main>
      <AccessSheet />
      {Sheet && <Sheet />}
      <nav class={`dock${rating.asked ? ' has-rate' : ''}`} aria-label={ta('dock')}>
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
        <RatingDockButton />
        {helpDesk && (
          <button type="button" class="dock-button dock-help" onClick={() => visit.go(helpDesk)}>
            <Icon name="help" /> {t('nav.help')}
          </button>
        )}
      </nav>
      {/* For staff (which content a terminal shows, at a glance); kept apart from the visitor's screen and small. */}
      <footer class="quiet-footer" data-for-staff>
        {t('footer.version', {
          version: content.version,
          date: content.channel.published.slice(0, 10),
          hall: text(content.hall.name),
        })}
      </footer>
    </div>
  );
}
