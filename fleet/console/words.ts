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
  nav: { terminals: string; progress: string; signOut: string; signedInAs: (name: string) => string };
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
  done: Record<'approved' | 'revoked' | 'command', string>;
  refused: { heading: string; csrf: string; origin: string; back: string; action: string; notFound: string };
}

const zh: Words = {
  htmlLang: 'zh-CN',
  product: '阳光 终端管理',
  otherLang: 'English',
  nav: { terminals: '终端', progress: '更新进度', signOut: '退出', signedInAs: (name) => `已登录：${name}` },
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
  done: {
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
  done: {
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
