/** UI strings: Accessibility modes. */
import { defineStrings } from '../i18n/define.ts';

export const strings = defineStrings({ title: 'access' }, { title: 'access' });
