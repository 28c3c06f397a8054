/** UI strings: The fallback screen shown when rendering fails. */
import { defineStrings } from '../i18n/define.ts';

export const strings = defineStrings({ title: 'resilience' }, { title: 'resilience' });
