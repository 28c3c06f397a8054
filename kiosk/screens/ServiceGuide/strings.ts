/** UI strings of the ServiceGuide screen(s). */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings({ title: '' }, { title: '' });
