/** UI strings of the Fees screen(s). */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings({ title: '' }, { title: '' });
