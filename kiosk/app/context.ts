/** The models every screen may use, wired once in main and handed down by context. */

import type { TFunction } from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SyncEngine } from '../../sync/index.ts';
import type { AccessModel } from '../access/access-model.ts';
import type { KioskSettings } from '../config.ts';
import type { Namespace } from '../i18n/registry.ts';
import { translator } from '../i18n/setup.ts';
import type { ClockModel } from '../models/clock-model.ts';
import type { SessionModel } from '../models/session-model.ts';
import type { SyncModel } from '../models/sync-model.ts';
import type { ViewModel } from '../models/view-model.ts';
import type { VisitModel } from '../models/visit-model.ts';
import type { RatingModel } from '../ratings/rating-model.ts';
import type { ModeModel } from '../staff/mode-model.ts';

export type AppModels = {
  view: ViewModel;
  visit: VisitModel;
  clock: ClockModel;
  settings: KioskSettings;
  session: SessionModel;
  access: AccessModel;
  sync: SyncModel;
  engine: SyncEngine;
  /** The terminal's mode (start URL or staff override). */
  terminalMode: ModeModel;
  /** This visit's 好差评 (kiosk/ratings/), made by App from the others. */
  ratings: RatingModel;
};
/** What main wires and hands to App. */
export type BaseModels = Omit<AppModels, 'ratings'>;
export const AppContext = createContext<AppModels | undefined>(undefined);

export function useApp(): AppModels {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppContext');
  return app;
}

/** UI strings of a namespace in the visitor's language; re-renders when the language changes. */
export function useT(ns: Namespace = 'common'): TFunction {
  return translator(useApp().visit.locale.value, ns);
}
