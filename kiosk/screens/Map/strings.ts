/** UI strings of the Map screen(s). */
import { defineStrings } from '../../i18n/define.ts';

export const strings = defineStrings(
  {
    title: '楼层导览',
    floors: '选择楼层',
    plan: '{{floor}}平面图',
    noPlan: '这一层的平面图暂时无法显示，请看下面的地点列表。',
    youAreHere: '你在这里',
    youAreHereOn: '你在这里：{{place}} · {{floor}}',
    youAreOnFloor: '你在这层',
    marked: '要找的地方：{{place}} · {{floor}}',
    markedShort: '已在地图上标出',
    windows: '窗口',
    otherPlaces: '其他地点',
    places: '{{floor}}的地点',
    tapToMark: '点一个地点，在地图上标出它',
    markers: '{{floor}}平面图上的标记',
    separator: '；',
  },
  {
    title: 'Floor maps',
    floors: 'Choose a floor',
    plan: 'Plan of the {{floor}}',
    noPlan: 'The plan of this floor cannot be shown. Please use the list of places below.',
    youAreHere: 'You are here',
    youAreHereOn: 'You are here: {{place}} · {{floor}}',
    youAreOnFloor: 'You are on this floor',
    marked: 'You are looking for: {{place}} · {{floor}}',
    markedShort: 'Marked on the map',
    windows: 'Windows',
    otherPlaces: 'Other places',
    places: 'Places on the {{floor}}',
    tapToMark: 'Tap a place to mark it on the map',
    markers: 'Marks on the plan of the {{floor}}',
    separator: '; ',
  },
);
