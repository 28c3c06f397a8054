/** UI strings of the Fees screen(s). */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings(
  {
    title: '收费标准',
    subtitle: '大厅里收取的每一项费用：多少钱、依据什么、谁可以减免',
    jump: '跳到',
    show: '显示哪些收费',
    all: '全部收费',
    category: {
      administrative: '行政事业性收费',
      service: '经营服务性收费',
      'government-fund': '政府性基金',
    },
    categoryHint: {
      administrative: '由行政机关和事业单位依法收取',
      service: '由服务机构收取，按政府指导价或明码标价',
      'government-fund': '按国家和本市的规定征收',
    },
    count_one: '{{count}} 项',
    count_other: '{{count}} 项',
    sector: {
      business: '涉企收费',
      agriculture: '涉农收费',
    },
    asked: '你要找的收费',
    exemptions: '减免和优惠',
    services: '哪些事项收这笔费',
    basis: '收费依据',
    basisTitle: '《{{title}}》',
    none: '目前没有公布的收费项目。',
  },
  {
    title: 'Fees',
    subtitle: 'Every fee charged at the center: how much, on what basis, and who pays less',
    jump: 'Go to',
    show: 'Which fees to show',
    all: 'All fees',
    category: {
      administrative: 'Administrative fees',
      service: 'Service charges',
      'government-fund': 'Government funds',
    },
    categoryHint: {
      administrative: 'Charged by government bodies and public institutions, as the law allows',
      service: 'Charged by service providers, at government-guided or displayed prices',
      'government-fund': 'Levied under national and city rules',
    },
    count_one: '{{count}} fee',
    count_other: '{{count}} fees',
    sector: {
      business: 'Charged to businesses',
      agriculture: 'Farming-related',
    },
    asked: 'The fee you asked about',
    exemptions: 'Who pays less or nothing',
    services: 'Services that charge it',
    basis: 'Basis for the fee',
    basisTitle: '{{title}}',
    none: 'No fees are published at present.',
  },
);
