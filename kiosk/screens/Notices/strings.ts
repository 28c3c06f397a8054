/** UI strings of the Notices screen(s). */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings(
  {
    title: '公告',
    subtitle: '通知、政策和办事提示，置顶的排在最前面',
    list: '公告列表',
    kind: {
      notice: '通知',
      policy: '政策',
      knowledge: '办事提示',
      result: '结果公示',
    },
    pinned: '置顶',
    urgent: '紧急',
    published: '发布于 {{date}}',
    until: '有效至 {{date}}',
    none: '目前没有公告。',
    notFound: '这条公告已过期或已撤下。',
    backToList: '看全部公告',
  },
  {
    title: 'Notices',
    subtitle: 'Announcements, policies and tips, with pinned notices first',
    list: 'List of notices',
    kind: {
      notice: 'Notice',
      policy: 'Policy',
      knowledge: 'Tip',
      result: 'Decisions published',
    },
    pinned: 'Pinned',
    urgent: 'Urgent',
    published: 'Published {{date}}',
    until: 'Valid until {{date}}',
    none: 'There are no notices at present.',
    notFound: 'This notice has expired or been withdrawn.',
    backToList: 'See all notices',
  },
);
