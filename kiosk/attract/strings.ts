/** UI strings: Attract mode and the still-there countdown. */
import { defineStrings } from '../i18n/define.ts';

export const strings = defineStrings({ title: 'attract' }, { title: 'attract' });
