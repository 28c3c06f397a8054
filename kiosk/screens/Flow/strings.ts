/** UI strings of the Flow screen(s). */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings({ title: '' }, { title: '' });
