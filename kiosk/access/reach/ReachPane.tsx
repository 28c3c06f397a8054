/**
 * Reach mode's upper half: what the current screen gives only to read, large, where a seated visitor can see it
 * but need not reach. Nothing in it can be tapped (the half-way line is the rule); it repeats for the eye what
 * the screen below says, so screen readers and read aloud take it from the screen itself and skip the pane.
 */
import type { VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useApp, useT } from '../../app/context.ts';
import type { Screen } from '../../app/screens.ts';
import { HoursBadge } from '../../ui/HoursBadge.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { paneArrivals, paneModule } from './panes.ts';
import './style.css';

type PaneProps = {
  screen: Screen;
  heading: string;
  intro: string;
  /** Told whether the pane shows its part of the screen whole, so the screen below knows what it may leave out. */
  onFit: (whole: boolean) => void;
};

export function ReachPane(props: PaneProps) {
  const { visit, access } = useApp();
  // A new screen, language or text size is measured afresh, in its full form first.
  const key = `${visit.locale.value} ${access.largeText.value} ${JSON.stringify(props.screen)}`;
  return <Pane key={key} {...props} />;
}

function Pane({ screen, heading, intro, onFit }: PaneProps) {
  void paneArrivals.value;
  const pane = useRef<HTMLDivElement>(null);
  const [brief, setBrief] = useState(false);
  const body = paneBody(screen, brief);
  useLayoutEffect(() => {
    const el = pane.current;
    if (!el) return;
    const check = () => {
      const over = el.scrollHeight > el.clientHeight + 1;
      if (over && !brief && body.hasBrief) setBrief(true);
      onFit(body.special && !over && !brief);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  });
  return (
    <div class={`reach-pane${brief ? ' reach-pane-brief' : ''}`} ref={pane} aria-hidden="true">
      {body.node ?? <DefaultPane heading={heading} intro={intro} />}
    </div>
  );
}

/** The screen's own pane if it has one and its chunk has come; `special` says whether the screen below may leave things out. */
function paneBody(screen: Screen, brief: boolean): { node?: VNode; special: boolean; hasBrief: boolean } {
  if (screen.name === 'service') {
    const m = paneModule('guide');
    return m
      ? { node: <m.GuideReadPane id={screen.id} brief={brief} />, special: true, hasBrief: true }
      : none;
  }
  if (screen.name === 'home') return { node: <HomePane />, special: true, hasBrief: false };
  if (screen.name === 'map') {
    const m = paneModule('map');
    return m
      ? {
          node: <m.MapReadPane floor={screen.floor} place={screen.place} places={screen.places} />,
          special: true,
          hasBrief: false,
        }
      : none;
  }
  return none;
}
const none = { special: false, hasBrief: false };

/** Home: the hall's name and whether it is open now, large; the search bar and the tiles are below. */
function HomePane() {
  const { view } = useApp();
  return (
    <div class="reach-default reach-home">
      <p class="reach-heading">{view.text.value(view.content.value.hall.name)}</p>
      <p class="reach-home-hours">
        <HoursBadge />
      </p>
    </div>
  );
}

/** Any other screen: its heading and its line of introduction, and where its buttons went. */
function DefaultPane({ heading, intro }: { heading: string; intro: string }) {
  const ta = useT('access');
  return (
    <div class="reach-default">
      <p class="reach-heading">{heading}</p>
      {intro && <p class="reach-intro">{intro}</p>}
      <p class="reach-note">
        <Icon name="access" /> {ta('reachNote')} <span class="reach-arrow">↓</span>
      </p>
    </div>
  );
}
