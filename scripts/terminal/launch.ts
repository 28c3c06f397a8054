/**
 * `npm run terminal -- <kiosk url> [--profile dir] [--chromium path]`: runs Chromium in kiosk mode for a
 * lobby, after clearing what a crash left behind. Run it from systemd (scripts/terminal/sunlight-kiosk.service),
 * which restarts it when Chromium exits.
 */
import { spawn } from 'node:child_process';
import { clearStaleLocks } from './profile.ts';

/** The flags a lobby terminal needs, and why. */
export function kioskFlags(url: string, profile: string): string[] {
  return [
    '--kiosk', // fullscreen, no address bar, no way out by touch
    `--user-data-dir=${profile}`, // one profile: content (IndexedDB) and the service worker live here
    '--noerrdialogs', // no "restore pages?" or error dialogs for a visitor to meet
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--disable-pinch', // no pinch zoom of the page
    '--overscroll-history-navigation=0', // no swipe back or forward
    '--disable-features=Translate,TranslateUI', // no translate prompt over Chinese pages
    '--autoplay-policy=no-user-gesture-required', // attract mode may play media
    '--no-first-run',
    '--disable-background-networking', // a closed network: no calls home
    '--disable-component-update',
    '--disable-sync',
    '--check-for-update-interval=31536000',
    '--password-store=basic',
    // The watchdog reads the JS heap: without this Chromium reports it coarsely and refreshes it rarely.
    '--enable-precise-memory-info',
    // Read aloud: on Linux Chromium has no voice unless it talks to speech-dispatcher, and it does so only
    // with this flag (docs/terminal-speech.md lists the Debian packages that bring the voices).
    '--enable-speech-dispatcher',
    url,
  ];
}

export function launch(url: string, profile: string, chromium: string): Promise<number> {
  const cleared = clearStaleLocks(profile);
  if (cleared === undefined) {
    console.error(`A Chromium is already running on ${profile}: not starting a second one.`);
    return Promise.resolve(1);
  }
  if (cleared.length > 0) console.log(`Cleared ${cleared.length} stale lock file(s) left by a crash.`);
  const child = spawn(chromium, kioskFlags(url, profile), { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
