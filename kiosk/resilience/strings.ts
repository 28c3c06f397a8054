/** UI strings: the fallback screen shown when the app cannot render (both languages show at once). */
import { defineStrings } from '../i18n/define.ts';

export const strings = defineStrings(
  {
    title: '本机暂时出现故障',
    askAt: '请到{{floor}}{{place}}咨询工作人员。',
    askAnyone: '请到服务台咨询工作人员。',
    retrying: '屏幕稍后会自动恢复。',
    startAgain: '重新开始',
  },
  {
    title: 'This screen has a problem',
    askAt: 'Please ask the staff at the {{place}}, {{floor}}.',
    askAnyone: 'Please ask at the help desk.',
    retrying: 'The screen will recover by itself shortly.',
    startAgain: 'Start again',
  },
);
