/** UI strings of the Search screen and of the way into it on Home. */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings(
  {
    title: '搜索',
    unavailable: '搜索暂时用不了。请回首页按分类查找，或到服务台问工作人员。',
    field: '您打的字',
    placeholder: '点下面的字母或数字',
    hint: '用拼音首字母也能找，例如 hz 找护照',
    popular: '大家常搜',
    keyboard: '字母和数字键盘',
    backspace: '删除',
    clear: '清除',
    space: '空格',
    preparing: '正在准备搜索…',
    found_one: '找到 {{count}} 项',
    found_other: '找到 {{count}} 项',
    none: '没有找到“{{query}}”',
    noneHelp: '试试少打几个字母，或换个说法。也可以到服务台问工作人员。',
    more: '还有 {{count}} 项没列出，多打几个字母能找得更准',
    kinds: {
      service: '办事指南',
      department: '部门',
      fee: '收费',
      channel: '投诉监督渠道',
      notice: '公告',
    },
    entry: {
      title: '搜索办事事项',
      hint: '打拼音首字母就能找，例如 hz 找护照',
    },
  },
  {
    title: 'Search',
    unavailable:
      'Search is not working just now. Go back to Home and choose a section, or ask at the help desk.',
    field: 'What you typed',
    placeholder: 'Tap the letters below',
    hint: 'Type the first letters of a word, for example pass for passport',
    popular: 'Popular searches',
    keyboard: 'Letters and numbers',
    backspace: 'Delete',
    clear: 'Clear',
    space: 'Space',
    preparing: 'Getting search ready…',
    found_one: '{{count}} result',
    found_other: '{{count}} results',
    none: 'Nothing found for “{{query}}”',
    noneHelp: 'Try fewer letters, or another word. You can also ask at the help desk.',
    more: '{{count}} more not shown: type a few more letters to narrow it down',
    kinds: {
      service: 'Service guides',
      department: 'Departments',
      fee: 'Fees',
      channel: 'Complaint channels',
      notice: 'Notices',
    },
    entry: {
      title: 'Search services',
      hint: 'Type a few letters, for example pass for passport',
    },
  },
);
