/**
 * The current screen's h1 and its line of introduction (the subtitle under it) as text, followed as lazy screens
 * arrive and languages change: reach mode's pane shows them for screens without a pane of their own.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function useScreenHeading(
  main: RefObject<HTMLElement | null>,
  active: boolean,
): { heading: string; intro: string } {
  const [found, setFound] = useState({ heading: '', intro: '' });
  useEffect(() => {
    const el = main.current;
    if (!active || !el) return;
    const read = () => {
      const heading = el.querySelector('h1')?.textContent?.trim() ?? '';
      const intro = el.querySelector('.screen-subtitle')?.textContent?.trim() ?? '';
      setFound((f) => (f.heading === heading && f.intro === intro ? f : { heading, intro }));
    };
    read();
    const observer = new MutationObserver(read);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [active, main]);
  return found;
}
