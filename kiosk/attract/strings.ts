/** UI strings: the attract playlist and the "still there?" countdown. */
import { defineStrings } from '../i18n/define.ts';

export const strings = defineStrings(
  {
    title: '欢迎',
    touchToStart: '轻触屏幕开始',
    urgent: '紧急通知',
    until: '有效至 {{date}}',
    stillThere: {
      title: '您还在使用吗？',
      body: '如果没有操作，屏幕将回到开始页面，并清除您刚才查看的内容。',
      secondsLeft: '还剩 {{seconds}} 秒',
      oneSecondLeft: '还剩 1 秒',
      keep: '继续使用',
    },
  },
  {
    title: 'Welcome',
    touchToStart: 'Touch the screen to start',
    urgent: 'Urgent notice',
    until: 'Until {{date}}',
    stillThere: {
      title: 'Are you still there?',
      body: 'If nobody touches the screen, it goes back to the start and clears what you looked at.',
      secondsLeft: '{{seconds}} seconds left',
      oneSecondLeft: '1 second left',
      keep: "I'm still here",
    },
  },
);
