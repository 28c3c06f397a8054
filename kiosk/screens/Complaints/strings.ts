/** UI strings of the Complaints screen(s). */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings(
  {
    title: '投诉监督',
    subtitle: '对办事不满意，或有意见建议，可以通过下面任一渠道反映',
    channels: '投诉和监督渠道',
    kind: {
      hotline: '电话',
      mailbox: '意见箱',
      email: '电子邮件',
      web: '网上',
      window: '现场',
      letter: '来信',
    },
    hours: '受理时间',
    scope: '受理什么',
    response: '多久答复',
    scanWeb: '用手机扫码打开：{{name}}',
    scanEmail: '用手机扫码写邮件给：{{name}}',
    scanHint: '用手机扫一扫',
    commitments: '我们的服务承诺',
    toCommitments: '看我们的服务承诺',
  },
  {
    title: 'Complaints',
    subtitle: 'If you are not satisfied, or have a suggestion, use any of these channels',
    channels: 'Complaint and supervision channels',
    kind: {
      hotline: 'Phone',
      mailbox: 'Suggestion box',
      email: 'Email',
      web: 'Online',
      window: 'In person',
      letter: 'Letter',
    },
    hours: 'When',
    scope: 'What it handles',
    response: 'When you get a reply',
    scanWeb: 'Scan with your phone to open: {{name}}',
    scanEmail: 'Scan with your phone to write an email to: {{name}}',
    scanHint: 'Scan with your phone',
    commitments: 'Our service commitments',
    toCommitments: 'Read our service commitments',
  },
);
