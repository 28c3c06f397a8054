/** UI strings: The staff panel. */
import { defineStrings } from '../i18n/define.ts';

export const strings = defineStrings({ title: 'staff' }, { title: 'staff' });
