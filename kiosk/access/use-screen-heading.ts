/** The current screen's h1 as text, followed as lazy screens arrive and languages change (for reach mode's orientation). */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function useScreenHeading(main: RefObject<HTMLElement | null>, active: boolean): string {
  const [heading, setHeading] = useState('');
  useEffect(() => {
    const el = main.current;
    if (!active || !el) return;
    const read = () => setHeading(el.querySelector('h1')?.textContent?.trim() ?? '');
    read();
    const observer = new MutationObserver(read);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [active, main]);
  return heading;
}
