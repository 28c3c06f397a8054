/**
 * The kill switch from the server side, built to dist/sw-kill-switch.js: served in place of sw.js, it
 * replaces the kiosk's worker on each terminal's next update check (30 min at most, or its next boot),
 * unregisters itself, deletes the precache and reloads the page from the network. An emergency
 * measure: unlike an app update it does not wait for idle (docs/pwa.md).
 */
import { deleteWorkboxCaches, worker } from './scope.ts';

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (event) => event.waitUntil(retire()));

async function retire(): Promise<void> {
  await worker.registration.unregister();
  await deleteWorkboxCaches();
  // Pages stay controlled by this worker until they navigate: send them to the network now.
  for (const page of await worker.clients.matchAll({ type: 'window' })) await page.navigate(page.url);
}
