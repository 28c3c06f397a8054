/**
 * The console's words, Chinese first and English. Plain words, as the kiosk's staff panel has them:
 * say what is wrong and what to do, never an error code alone.
 */
import type { StateKind } from './terminal-state.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface Words {
  htmlLang: string;
  product: string;
  otherLang: string;
  nav: {
    terminals: string;
    progress: string;
    ratings: string;
    cases: string;
    guideErrors: string;
    signOut: string;
    signedInAs: (name: string) => string;
  };
  signIn: {
    heading: string;
    name: string;
    password: string;
    button: string;
    wrong: string;
    wait: (time: string) => string;
    signedOut: string;
    expired: string;
  };
  states: Record<StateKind, string>;
  detail: {
    notSeen: (time: string) => string;
    refusing: (time: string, reason: string) => string;
    feedStale: (time: string | undefined) => string;
    clockWrong: (time: string) => string;
    memoryHigh: (mib: number) => string;
  };
  list: {
    heading: string;
    pendingHeading: string;
    pendingHint: string;
    state: string;
    device: string;
    hall: string;
    place: string;
    fingerprint: string;
    version: string;
    lastSeen: string;
    show: string;
    all: string;
    search: string;
    searchButton: string;
    count: (total: number, from: number, to: number) => string;
    none: string;
    previous: string;
    next: string;
    approve: string;
    revoke: string;
    latest: string;
    behind: (latest: number) => string;
    noContent: string;
    never: string;
  };
  progress: {
    heading: string;
    source: string;
    latestIs: (version: number, published: string) => string;
    showIt: (n: number, m: number) => string;
    allShow: string;
    why: {
      refusing: (reason: string) => string;
      staged: string;
      notSeen: (time: string) => string;
      feedStale: string;
      behind: (version: number | undefined, lastCheck: string) => string;
    };
    noneYet: string;
    withoutContent: (n: number) => string;
  };
  terminal: {
    heading: (device: string) => string;
    identity: string;
    publicKey: string;
    status: string;
    app: string;
    mode: string;
    showing: string;
    staged: string;
    previous: string;
    lastCheck: string;
    lastSuccess: string;
    storage: string;
    heap: string;
    failures: string;
    clock: string;
    nothingYet: string;
    commands: string;
    commandNames: Record<'sync-now' | 'reload' | 'interactive' | 'attract' | 'default', string>;
    commandState: { given: string; delivered: string; done: string };
    commandGiven: string;
    timeline: string;
    timelineShown: string;
    chart: string;
    chartSummary: (ok: number, failed: number, reports: number) => string;
    legend: { ok: string; failed: string; reports: string };
    events: string;
    time: string;
    kind: string;
    message: string;
    noEvents: string;
    by: string;
  };
  ratings: RatingWords;
  done: Record<'approved' | 'revoked' | 'command' | 'case', string>;
  refused: { heading: string; csrf: string; origin: string; back: string; action: string; notFound: string };
}

/** The 好差评 pages (issue 13): ratings, 差评 cases, 指南有误, the refusals. */
export interface RatingWords {
  heading: string;
  period: string;
  periods: Record<'today' | '7d' | '30d' | 'month' | 'custom', string>;
  from: string;
  to: string;
  group: string;
  groups: Record<'service' | 'department' | 'terminal', string>;
  subject: string;
  subjects: Record<'all' | 'guide' | 'hall', string>;
  show: string;
  periodIs: (from: string, to: string, zone: string) => string;
  total: (n: number) => string;
  none: string;
  levels: string;
  count: string;
  satisfied: string;
  poor: string;
  satisfiedHow: string;
  chartDaily: string;
  chartWeekly: string;
  chartSummary: (n: number, buckets: number, unit: string) => string;
  day: string;
  week: string;
  chartTable: string;
  chartTableSummary: string;
  noService: string;
  noDepartment: string;
  refusedLine: (n: number) => string;
  refusedOn: string;
  droppedLine: (n: number) => string;
  refusalReasons: Record<string, string>;
  exportHeading: string;
  exportCsv: string;
  exportJson: string;
  exportHint: string;
  cases: {
    heading: string;
    filter: string;
    filters: Record<'open' | 'overdue' | 'all', string>;
    count: (shown: number, total: number) => string;
    none: string;
    rating: string;
    service: string;
    department: string;
    terminal: string;
    received: string;
    due: string;
    status: string;
    statuses: Record<'new' | 'rectifying' | 'rectified', string>;
    overdue: (days: number) => string;
    reasons: string;
    wrong: string;
    open: string;
    caseHeading: (number: string) => string;
    ratedAt: string;
    level: string;
    subject: string;
    hall: string;
    contentVersion: string;
    locale: string;
    note: string;
    noteHint: string;
    changed: string;
    closed: string;
    never: string;
    move: string;
    moveTo: string;
    reopen: string;
    save: string;
    back: string;
    code: string;
    noReasons: string;
  };
  caseRefused: Record<'not-found' | 'bad-status' | 'note-needed' | 'changed' | 'same', string>;
  guide: {
    heading: string;
    hint: string;
    service: string;
    total: string;
    unnamed: string;
    latest: string;
    none: string;
  };
  terminalHeading: string;
  terminalRecent: string;
  terminalNone: string;
  terminalRefused: (n: number) => string;
  terminalDropped: (n: number) => string;
  refusalTime: string;
  refusalReason: string;
  refusalMessage: string;
  badQuery: string;
  colon: string;
  comma: string;
  stop: string;
  semicolon: string;
  listSep: string;
  paren: (text: string | number) => string;
}

const zh: Words = {
  htmlLang: 'zh-CN',
  product: '阳光 终端管理',
  otherLang: 'English',
  nav: {
    terminals: '终端',
    progress: '更新进度',
    ratings: '评价',
    cases: '差评整改',
    guideErrors: '指南有误',
    signOut: '退出',
    signedInAs: (name) => `已登录：${name}`,
  },
  signIn: {
    heading: '登录',
    name: '用户名',
    password: '密码',
    button: '登录',
    wrong: '用户名或密码不对。',
    wait: (time) => `错误次数太多。请在 ${time} 以后再试。`,
    signedOut: '已退出。',
    expired: '登录已过期，请重新登录。',
  },
  states: {
    pending: '等待批准',
    'not-seen': '营业时间内没有报告',
    refusing: '拒绝更新',
    'feed-stale': '连不上内容源',
    'clock-wrong': '时钟不对',
    'memory-high': '内存占用高',
    quiet: '闭馆中，未报告',
    healthy: '正常',
    revoked: '已撤销',
  },
  detail: {
    notSeen: (time) => `最后一次报告：${time}`,
    refusing: (time, reason) => `${time} 拒绝了更新：${reason}`,
    feedStale: (time) => (time ? `最后一次检查成功：${time}` : '从未检查成功'),
    clockWrong: (time) => `终端的时间：${time}`,
    memoryHigh: (mib) => `内存占用 ${mib} MiB`,
  },
  list: {
    heading: '所有终端',
    pendingHeading: '等待批准的终端',
    pendingHint: '批准前，请核对终端管理面板上显示的指纹。',
    state: '状态',
    device: '设备号',
    hall: '大厅',
    place: '位置',
    fingerprint: '指纹',
    version: '内容版本',
    lastSeen: '最后报告',
    show: '显示',
    all: '全部',
    search: '搜索（设备号、大厅、位置、指纹）',
    searchButton: '查找',
    count: (total, from, to) => (total === 0 ? '没有终端' : `共 ${total} 台，显示第 ${from}–${to} 台`),
    none: '没有符合条件的终端。',
    previous: '上一页',
    next: '下一页',
    approve: '批准',
    revoke: '撤销',
    latest: '最新',
    behind: (latest) => `落后（最新是 ${latest}）`,
    noContent: '还没有内容',
    never: '从未',
  },
  progress: {
    heading: '更新进度',
    source: '“最新发布”是这个大厅和频道的终端中，内容源提供的（上次检查成功时）或正在显示的最高版本。',
    latestIs: (version, published) => `最新发布：${version}（${published} 发布）`,
    showIt: (n, m) => `${m} 台中有 ${n} 台显示最新版本`,
    allShow: '全部都显示最新版本。',
    why: {
      refusing: (reason) => `拒绝更新：${reason}`,
      staged: '已下载，等待没人使用时切换',
      notSeen: (time) => `${time} 以后没有报告`,
      feedStale: '连不上内容源',
      behind: (version, lastCheck) => `仍显示 ${version ?? '（无内容）'}，最后一次检查：${lastCheck}`,
    },
    noneYet: '还没有终端报告内容。',
    withoutContent: (n) => `${n} 台已批准的终端还没有报告内容，不计入。`,
  },
  terminal: {
    heading: (device) => `终端 ${device}`,
    identity: '身份',
    publicKey: '公钥',
    status: '最新状态',
    app: '程序版本',
    mode: '模式',
    showing: '正在显示',
    staged: '已下载待切换',
    previous: '上一版本',
    lastCheck: '最后一次检查',
    lastSuccess: '最后一次检查成功',
    storage: '存储',
    heap: '内存',
    failures: '显示失败 / 自动重载',
    clock: '时钟 / 时区',
    nothingYet: '还没有收到报告。',
    commands: '命令',
    commandNames: {
      'sync-now': '立即同步',
      reload: '重新加载',
      interactive: '切换为互动',
      attract: '只放轮播',
      default: '恢复启动网址的模式',
    },
    commandState: { given: '已下达', delivered: '已送达', done: '已完成' },
    commandGiven: '下达',
    timeline: '版本记录',
    timelineShown: '开始显示',
    chart: '检查记录（最近 7 天，每小时）',
    chartSummary: (ok, failed, reports) =>
      `7 天内：检查成功 ${ok} 次，失败 ${failed} 次，收到报告 ${reports} 份。`,
    legend: { ok: '检查成功', failed: '检查失败', reports: '收到报告' },
    events: '最近事件',
    time: '时间',
    kind: '类型',
    message: '内容',
    noEvents: '没有事件。',
    by: '由',
  },
  ratings: {
    heading: '好差评',
    period: '时间',
    periods: { today: '今天', '7d': '近7天', '30d': '近30天', month: '本月', custom: '自定义' },
    from: '从',
    to: '到',
    group: '分组',
    groups: { service: '按事项', department: '按部门', terminal: '按终端' },
    subject: '评价对象',
    subjects: { all: '全部', guide: '办事指南', hall: '本次服务' },
    show: '查看',
    periodIs: (from, to, zone) => `${from} 至 ${to}（按大厅时间，${zone}）`,
    total: (n) => `共 ${n} 条评价`,
    none: '这段时间没有评价。',
    levels: '各等级占比',
    count: '评价数',
    satisfied: '满意率',
    poor: '差评',
    satisfiedHow: '满意率 =（非常满意 + 满意 + 基本满意）条数 ÷ 评价总数。差评 = 不满意 + 非常不满意。',
    chartDaily: '每天的评价',
    chartWeekly: '每周的评价（周一至周日）',
    chartSummary: (n, buckets, unit) => `${buckets} ${unit}内共 ${n} 条评价，按等级分色叠放；数字见下表。`,
    day: '天',
    week: '周',
    chartTable: '图表数据（表格）',
    chartTableSummary: '每天或每周各等级的条数',
    noService: '（未指明事项）',
    noDepartment: '（未指明部门）',
    refusedLine: (n) => `${n} 条评价被拒收`,
    refusedOn: '拒收的终端',
    droppedLine: (n) => `${n} 条评价在终端上因队列已满被丢弃（累计）`,
    refusalReasons: {
      'unknown-content': '内容版本未知',
      'unknown-service': '事项不在该版本中',
      'unknown-reason': '原因不在该版本中',
      future: '时间超前（终端时钟不对？）',
      flood: '一小时内过多',
    },
    exportHeading: '导出（报送省好差评系统）',
    exportCsv: '下载 CSV',
    exportJson: '下载 JSON',
    exportHint: '导出所选时间和评价对象的全部评价，每列的含义见 docs/ratings-export.md。',
    cases: {
      heading: '差评整改',
      filter: '显示',
      filters: { open: '未办结', overdue: '已超期', all: '全部' },
      count: (shown, total) => (shown < total ? `共 ${total} 个，显示前 ${shown} 个` : `共 ${total} 个`),
      none: '没有符合条件的差评。',
      rating: '评价',
      service: '事项',
      department: '部门',
      terminal: '终端',
      received: '接收时间',
      due: '整改期限',
      status: '状态',
      statuses: { new: '待处理', rectifying: '整改中', rectified: '已整改' },
      overdue: (days) => `已超期 ${days} 天`,
      reasons: '原因',
      wrong: '指南有误部分',
      open: '处理',
      caseHeading: (number) => `差评 ${number}`,
      ratedAt: '评价时间（终端时钟）',
      level: '等级',
      subject: '评价对象',
      hall: '大厅',
      contentVersion: '内容版本',
      locale: '语言',
      note: '整改说明',
      noteHint: '标记为已整改时必须填写。',
      changed: '最后修改',
      closed: '办结',
      never: '—',
      move: '更改状态',
      moveTo: '改为',
      reopen: '重新整改',
      save: '保存',
      back: '返回差评列表',
      code: '事项编码',
      noReasons: '（未选原因）',
    },
    caseRefused: {
      'not-found': '没有这个差评。',
      'bad-status': '状态只能改为“整改中”或“已整改”。',
      'note-needed': '标记为已整改时必须填写整改说明。',
      changed: '这个差评刚被别人改过。请重新打开页面，看过最新状态再改。',
      same: '这个差评已经整改完毕。要重新整改，请改为“整改中”。',
    },
    guide: {
      heading: '指南有误',
      hint: '访客选了“指南有误或看不懂”的评价，按事项统计，以及他们指出的部分。请内容编辑核对这些指南。',
      service: '事项',
      total: '次数',
      unnamed: '未指明部分',
      latest: '最近一次',
      none: '这段时间没有“指南有误”的评价。',
    },
    terminalHeading: '评价的拒收和丢弃',
    terminalRecent: '最近的评价',
    terminalNone: '没有被拒收或丢弃的评价。',
    terminalRefused: (n) => `${n} 条评价被拒收`,
    terminalDropped: (n) => `${n} 条评价在终端上因队列已满被丢弃`,
    refusalTime: '接收时间',
    refusalReason: '原因',
    refusalMessage: '说明',
    badQuery: '查询条件不对：',
    colon: '：',
    comma: '，',
    stop: '。',
    semicolon: '；',
    listSep: '、',
    paren: (text) => `（${text}）`,
  },
  done: {
    case: '已保存。',
    approved: '已批准。终端下次报告时就会出现在列表中。',
    revoked: '已撤销。这台终端的报告从现在起会被拒绝。',
    command: '命令已下达，终端下次报告时收到。',
  },
  refused: {
    heading: '没有执行',
    csrf: '这个表单已过期或不是从本页面提交的。请重新打开页面再试。',
    origin: '这个请求来自别的网站，没有执行。',
    back: '返回终端列表',
    action: '没有执行：',
    notFound: '没有这台终端。',
  },
};

const en: Words = {
  htmlLang: 'en',
  product: 'Sunlight terminals',
  otherLang: '中文',
  nav: {
    terminals: 'Terminals',
    progress: 'Update progress',
    ratings: 'Ratings',
    cases: 'Cases',
    guideErrors: 'Guide errors',
    signOut: 'Sign out',
    signedInAs: (name) => `Signed in as ${name}`,
  },
  signIn: {
    heading: 'Sign in',
    name: 'Name',
    password: 'Password',
    button: 'Sign in',
    wrong: 'The name or the password is wrong.',
    wait: (time) => `Too many wrong tries. Try again after ${time}.`,
    signedOut: 'You are signed out.',
    expired: 'Your sign-in has ended. Sign in again.',
  },
  states: {
    pending: 'Waiting for approval',
    'not-seen': 'Not seen during opening hours',
    refusing: 'Refusing updates',
    'feed-stale': 'Feed stale',
    'clock-wrong': 'Clock wrong',
    'memory-high': 'Memory high',
    quiet: 'Quiet: hall closed',
    healthy: 'Healthy',
    revoked: 'Revoked',
  },
  detail: {
    notSeen: (time) => `Last report: ${time}`,
    refusing: (time, reason) => `Refused an update at ${time}: ${reason}`,
    feedStale: (time) => (time ? `Last good check: ${time}` : 'No check has succeeded yet'),
    clockWrong: (time) => `The terminal's time: ${time}`,
    memoryHigh: (mib) => `${mib} MiB of memory in use`,
  },
  list: {
    heading: 'All terminals',
    pendingHeading: 'Terminals waiting for approval',
    pendingHint: "Before approving, compare the fingerprint with the one on the terminal's staff panel.",
    state: 'State',
    device: 'Device id',
    hall: 'Hall',
    place: 'Place',
    fingerprint: 'Fingerprint',
    version: 'Content version',
    lastSeen: 'Last seen',
    show: 'Show',
    all: 'All',
    search: 'Search (device id, hall, place, fingerprint)',
    searchButton: 'Search',
    count: (total, from, to) => (total === 0 ? 'No terminals' : `${total} terminals, showing ${from}–${to}`),
    none: 'No terminal matches.',
    previous: 'Previous',
    next: 'Next',
    approve: 'Approve',
    revoke: 'Revoke',
    latest: 'latest',
    behind: (latest) => `behind (latest is ${latest})`,
    noContent: 'no content yet',
    never: 'never',
  },
  progress: {
    heading: 'Update progress',
    source:
      '“Latest published” is the highest version that the terminals of this hall and channel were offered by the feed (at their last good check) or show.',
    latestIs: (version, published) => `Latest published: ${version} (published ${published})`,
    showIt: (n, m) => `${n} of ${m} terminals show it`,
    allShow: 'All of them show it.',
    why: {
      refusing: (reason) => `Refusing the update: ${reason}`,
      staged: 'Downloaded, waiting for no one to be using it',
      notSeen: (time) => `Not seen since ${time}`,
      feedStale: 'Cannot reach the feed',
      behind: (version, lastCheck) => `Still shows ${version ?? '(no content)'}, last check ${lastCheck}`,
    },
    noneYet: 'No terminal has reported content yet.',
    withoutContent: (n) => `${n} approved terminals have not reported content yet and are not counted.`,
  },
  terminal: {
    heading: (device) => `Terminal ${device}`,
    identity: 'Identity',
    publicKey: 'Public key',
    status: 'Latest status',
    app: 'App version',
    mode: 'Mode',
    showing: 'Showing',
    staged: 'Downloaded, to switch',
    previous: 'Previous',
    lastCheck: 'Last check',
    lastSuccess: 'Last good check',
    storage: 'Storage',
    heap: 'Memory',
    failures: 'Render failures / watchdog reloads',
    clock: 'Clock / time zone',
    nothingYet: 'No report has arrived yet.',
    commands: 'Commands',
    commandNames: {
      'sync-now': 'Sync now',
      reload: 'Reload',
      interactive: 'Interactive',
      attract: 'Attract only',
      default: 'Back to start-URL mode',
    },
    commandState: { given: 'Given', delivered: 'Delivered', done: 'Done' },
    commandGiven: 'Given',
    timeline: 'Version timeline',
    timelineShown: 'Shown from',
    chart: 'Checks (last 7 days, by hour)',
    chartSummary: (ok, failed, reports) =>
      `In 7 days: ${ok} checks succeeded, ${failed} failed, ${reports} reports received.`,
    legend: { ok: 'check succeeded', failed: 'check failed', reports: 'reports received' },
    events: 'Recent events',
    time: 'Time',
    kind: 'Kind',
    message: 'Message',
    noEvents: 'No events.',
    by: 'by',
  },
  ratings: {
    heading: 'Ratings',
    period: 'Period',
    periods: {
      today: 'Today',
      '7d': 'Last 7 days',
      '30d': 'Last 30 days',
      month: 'This month',
      custom: 'Custom',
    },
    from: 'From',
    to: 'To',
    group: 'Group',
    groups: { service: 'By service', department: 'By department', terminal: 'By terminal' },
    subject: 'Rated',
    subjects: { all: 'All', guide: 'The guide', hall: 'The service' },
    show: 'Show',
    periodIs: (from, to, zone) => `${from} to ${to} (hall time, ${zone})`,
    total: (n) => `${n} ratings`,
    none: 'No ratings in this period.',
    levels: 'Share of each level',
    count: 'Ratings',
    satisfied: 'Satisfied',
    poor: 'Poor',
    satisfiedHow:
      'Satisfied = (very satisfied + satisfied + fairly satisfied) ÷ all ratings. Poor = dissatisfied + very dissatisfied.',
    chartDaily: 'Ratings per day',
    chartWeekly: 'Ratings per week (Monday to Sunday)',
    chartSummary: (n, buckets, unit) =>
      `${n} ratings over ${buckets} ${unit}${buckets === 1 ? '' : 's'}, stacked by level; the numbers are in the table below.`,
    day: 'day',
    week: 'week',
    chartTable: 'The chart as a table',
    chartTableSummary: 'Ratings of each level per day or week',
    noService: '(no service named)',
    noDepartment: '(no department named)',
    refusedLine: (n) => (n === 1 ? '1 rating was refused' : `${n} ratings were refused`),
    refusedOn: 'Refused from',
    droppedLine: (n) =>
      `${n} ${n === 1 ? 'rating was' : 'ratings were'} dropped on terminals whose queue was full (in all)`,
    refusalReasons: {
      'unknown-content': 'unknown content version',
      'unknown-service': 'service not in that version',
      'unknown-reason': 'reason not in that version',
      future: 'in the future (terminal clock wrong?)',
      flood: 'too many in one hour',
    },
    exportHeading: 'Export (for the provincial rating system)',
    exportCsv: 'Download CSV',
    exportJson: 'Download JSON',
    exportHint:
      'Every rating of the chosen period and subject; docs/ratings-export.md describes each column.',
    cases: {
      heading: 'Poor ratings to rectify',
      filter: 'Show',
      filters: { open: 'Open', overdue: 'Overdue', all: 'All' },
      count: (shown, total) =>
        shown < total ? `${total} cases, the first ${shown} shown` : `${total} cases`,
      none: 'No case matches.',
      rating: 'Rating',
      service: 'Service',
      department: 'Department',
      terminal: 'Terminal',
      received: 'Received',
      due: 'Due',
      status: 'Status',
      statuses: { new: 'New', rectifying: 'Being rectified', rectified: 'Rectified' },
      overdue: (days) => `Overdue by ${days} days`,
      reasons: 'Reasons',
      wrong: 'Wrong in the guide',
      open: 'Open',
      caseHeading: (number) => `Poor rating ${number}`,
      ratedAt: "Rated at (terminal's clock)",
      level: 'Level',
      subject: 'Rated',
      hall: 'Hall',
      contentVersion: 'Content version',
      locale: 'Language',
      note: 'Note',
      noteHint: 'Required to mark it rectified.',
      changed: 'Last changed',
      closed: 'Closed',
      never: '—',
      move: 'Change status',
      moveTo: 'To',
      reopen: 'Reopen',
      save: 'Save',
      back: 'Back to the cases',
      code: 'Service code',
      noReasons: '(no reason chosen)',
    },
    caseRefused: {
      'not-found': 'There is no such case.',
      'bad-status': 'A case can only be moved to "being rectified" or "rectified".',
      'note-needed': 'A note is required to mark a case rectified.',
      changed: 'Someone else has just changed this case. Open the page again and look before you change it.',
      same: 'This case is rectified already. To reopen it, move it to "being rectified".',
    },
    guide: {
      heading: 'The guide is wrong',
      hint: 'Ratings that chose "the guide is wrong or unclear", per service, with the parts visitors named. For the content editors to check.',
      service: 'Service',
      total: 'Times',
      unnamed: 'No part named',
      latest: 'Latest',
      none: 'No rating said the guide was wrong in this period.',
    },
    terminalHeading: 'Ratings refused and dropped',
    terminalRecent: 'Latest ratings',
    terminalNone: 'No rating was refused or dropped.',
    terminalRefused: (n) => (n === 1 ? '1 rating was refused' : `${n} ratings were refused`),
    terminalDropped: (n) =>
      `${n} ${n === 1 ? 'rating was' : 'ratings were'} dropped on the terminal (its queue was full)`,
    refusalTime: 'Received',
    refusalReason: 'Reason',
    refusalMessage: 'Message',
    badQuery: 'The query is not right: ',
    colon: ': ',
    comma: ', ',
    stop: '. ',
    semicolon: '; ',
    listSep: ', ',
    paren: (text) => ` (${text})`,
  },
  done: {
    case: 'Saved.',
    approved: 'Approved. Its reports are stored from now on.',
    revoked: 'Revoked. Its reports are refused from now on.',
    command: 'Command given: the terminal receives it with its next report.',
  },
  refused: {
    heading: 'Not done',
    csrf: 'This form is out of date or was not sent from this page. Open the page again and try again.',
    origin: 'This request came from another site and was not carried out.',
    back: 'Back to the terminals',
    action: 'Not done: ',
    notFound: 'There is no such terminal.',
  },
};

export const WORDS: Record<Lang, Words> = { zh, en };
