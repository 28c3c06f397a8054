/** Lockdown, the in-page layer: no context menu, selection, zoom, drag, new window, download or way out by a link. */
import './lockdown.css';

/** Keys that would leave the page, print, save it or zoom it; a kiosk usually has no keyboard, but some have one. */
export function leavesOrZooms(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home')) return true;
  if (e.key === 'BrowserBack' || e.key === 'BrowserForward' || e.key === 'BrowserHome') return true;
  return mod && ['+', '=', '-', '_', '0', 'p', 'P', 's', 'S', 'o', 'O'].includes(e.key);
}

/** An anchor the app itself did not make for navigation: any href outside this page, or a download. */
export function forbiddenLink(a: HTMLAnchorElement, here: Location): boolean {
  if (a.hasAttribute('download') || (a.target && a.target !== '_self')) return true;
  const href = a.getAttribute('href');
  if (href === null || href.startsWith('#')) return false;
  const to = new URL(href, here.href);
  return to.origin !== here.origin || to.pathname !== here.pathname;
}

const editable = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');

const prevent = (e: Event) => e.preventDefault();

/** Installed once from main, before the first render; returns nothing to undo (a kiosk never unlocks). */
export function installLockdown(): void {
  const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) =>
    window.addEventListener(type, fn, { capture: true, passive: false });
  on('contextmenu', prevent);
  on('dragstart', prevent);
  on('selectstart', (e) => {
    if (!editable(e.target)) e.preventDefault();
  });
  // Safari's pinch; Chromium zooms on ctrl+wheel (and a trackpad pinch arrives as one).
  on('gesturestart' as keyof WindowEventMap, prevent);
  on('wheel', (e) => {
    if (e.ctrlKey) e.preventDefault();
  });
  on('dblclick', prevent);
  on('keydown', (e) => {
    if (leavesOrZooms(e)) e.preventDefault();
  });
  // The mouse's back and forward buttons navigate history in Chromium unless the page takes them.
  on('mouseup', (e) => {
    if (e.button === 3 || e.button === 4) e.preventDefault();
  });
  const blockLink = (e: MouseEvent) => {
    const a = e.target instanceof Element ? e.target.closest('a') : null;
    if (a && forbiddenLink(a, location)) e.preventDefault();
  };
  on('click', blockLink);
  on('auxclick', blockLink);
  // No new windows or tabs from anything on the page.
  window.open = () => null;
}
