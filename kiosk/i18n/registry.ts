/** Every namespace of UI strings: common, and one per screen folder. */
import { strings as access } from '../access/strings.ts';
import { strings as attract } from '../attract/strings.ts';
import { strings as ratings } from '../ratings/strings.ts';
import { strings as resilience } from '../resilience/strings.ts';
import { strings as complaints } from '../screens/Complaints/strings.ts';
import { strings as directory } from '../screens/Directory/strings.ts';
import { strings as fees } from '../screens/Fees/strings.ts';
import { strings as flow } from '../screens/Flow/strings.ts';
import { strings as map } from '../screens/Map/strings.ts';
import { strings as notices } from '../screens/Notices/strings.ts';
import { strings as search } from '../screens/Search/strings.ts';
import { strings as guide } from '../screens/ServiceGuide/strings.ts';
import { strings as services } from '../screens/Services/strings.ts';
import { strings as staff } from '../staff/strings.ts';
import { common } from './common.ts';

export const NAMESPACES = {
  common,
  services,
  guide,
  flow,
  directory,
  fees,
  complaints,
  notices,
  map,
  search,
  attract,
  staff,
  resilience,
  access,
  ratings,
};
export type Namespace = keyof typeof NAMESPACES;
export const UI_LOCALES = ['zh-CN', 'en'] as const;
