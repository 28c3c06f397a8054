/** UI strings of the Search screen. */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings({ title: '搜索' }, { title: 'Search' });
