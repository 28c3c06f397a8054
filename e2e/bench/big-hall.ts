/**
 * A generated hall for the search bench: the sample hall's hall.yaml, channels, fees, notices and media,
 * with 10,000 services and 500 departments whose plausible, fictional names combine parts.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Part = [zh: string, en: string];
const WHO: Part[] = [
  ['个人', 'personal'],
  ['企业', 'company'],
  ['个体工商户', 'sole trader'],
  ['外籍人员', 'foreign national'],
  ['退役军人', 'veteran'],
  ['残疾人', 'disabled person'],
  ['老年人', 'older person'],
  ['农民工', 'migrant worker'],
  ['高校毕业生', 'graduate'],
  ['社会组织', 'social organisation'],
  ['新生儿', 'newborn'],
  ['灵活就业人员', 'gig worker'],
  ['港澳居民', 'Hong Kong and Macao resident'],
  ['台湾居民', 'Taiwan resident'],
  ['华侨', 'overseas Chinese'],
  ['教师', 'teacher'],
  ['医师', 'doctor'],
  ['律师', 'lawyer'],
  ['驾驶人', 'driver'],
  ['房屋承租人', 'tenant'],
];
const WHAT: Part[] = [
  ['住房公积金', 'housing provident fund'],
  ['不动产', 'real estate'],
  ['机动车驾驶证', 'driving licence'],
  ['医疗保险', 'medical insurance'],
  ['养老保险', 'pension insurance'],
  ['失业保险', 'unemployment insurance'],
  ['工伤保险', 'work injury insurance'],
  ['居住证', 'residence permit'],
  ['营业执照', 'business licence'],
  ['税务登记', 'tax registration'],
  ['社会保障卡', 'social security card'],
  ['户口', 'hukou'],
  ['护照', 'passport'],
  ['出生医学证明', 'birth medical certificate'],
  ['食品经营许可证', 'food business licence'],
  ['建设工程规划许可证', 'building planning permit'],
  ['职业资格证书', 'vocational qualification'],
  ['残疾人证', 'disability card'],
  ['最低生活保障', 'minimum living allowance'],
  ['公共租赁住房', 'public rental housing'],
  ['燃气经营许可', 'gas operating permit'],
  ['排水许可', 'drainage permit'],
  ['档案', 'archive records'],
  ['婚姻登记', 'marriage registration'],
  ['印章', 'company seal'],
];
const ACTION: Part[] = [
  ['申领', 'application'],
  ['补领', 'replacement'],
  ['换领', 'renewal'],
  ['变更登记', 'change of details'],
  ['注销', 'cancellation'],
  ['查询', 'enquiry'],
  ['转移', 'transfer'],
  ['备案', 'filing'],
  ['审核', 'review'],
  ['提取', 'withdrawal'],
  ['续期', 'extension'],
  ['信息更正', 'correction'],
  ['证明开具', 'certificate'],
  ['资格认定', 'eligibility check'],
  ['待遇申领', 'benefit claim'],
  ['异地转移接续', 'transfer between cities'],
  ['年度报告', 'annual report'],
  ['预约办理', 'appointment'],
  ['网上申报', 'online filing'],
  ['首次办理', 'first issue'],
];
const BUREAU: Part[] = [
  ['公安局', 'Public Security Bureau'],
  ['民政局', 'Civil Affairs Bureau'],
  ['人力资源和社会保障局', 'Human Resources and Social Security Bureau'],
  ['自然资源和规划局', 'Natural Resources and Planning Bureau'],
  ['住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'],
  ['市场监督管理局', 'Administration for Market Regulation'],
  ['税务局', 'Tax Service'],
  ['医疗保障局', 'Healthcare Security Administration'],
  ['卫生健康委员会', 'Health Commission'],
  ['交通运输局', 'Transport Bureau'],
  ['教育局', 'Education Bureau'],
  ['司法局', 'Justice Bureau'],
  ['退役军人事务局', 'Veterans Affairs Bureau'],
  ['残疾人联合会', 'Disabled Persons Federation'],
  ['水务局', 'Water Bureau'],
  ['生态环境局', 'Ecology and Environment Bureau'],
  ['文化广电旅游局', 'Culture and Tourism Bureau'],
  ['农业农村局', 'Agriculture Bureau'],
  ['商务局', 'Commerce Bureau'],
  ['应急管理局', 'Emergency Management Bureau'],
  ['住房公积金管理中心', 'Housing Provident Fund Centre'],
  ['不动产登记中心', 'Real Estate Registration Centre'],
  ['档案馆', 'Archives'],
  ['统计局', 'Statistics Bureau'],
  ['城市管理局', 'City Management Bureau'],
];
const SECTION: Part[] = [
  ['综合科', 'General Section'],
  ['审批科', 'Approvals Section'],
  ['登记科', 'Registration Section'],
  ['窗口一组', 'Window Team 1'],
  ['窗口二组', 'Window Team 2'],
  ['政策法规科', 'Policy Section'],
  ['咨询服务台', 'Information Desk'],
  ['档案室', 'Records Room'],
  ['受理中心', 'Intake Centre'],
  ['监督科', 'Supervision Section'],
  ['办证大厅', 'Certificate Hall'],
  ['财务科', 'Finance Section'],
  ['信息科', 'Information Section'],
  ['稽查科', 'Inspection Section'],
  ['服务科', 'Service Section'],
  ['执法大队', 'Enforcement Team'],
  ['调解室', 'Mediation Room'],
  ['指导科', 'Guidance Section'],
  ['评审科', 'Assessment Section'],
  ['后勤科', 'Support Section'],
];
const MATERIALS: Part[] = [
  ['居民身份证', 'Resident ID card'],
  ['户口簿', 'Household register'],
  ['申请表', 'Application form'],
  ['营业执照', 'Business licence'],
  ['授权委托书', 'Letter of authorisation'],
  ['近期免冠照片', 'Recent photo'],
];

const quote = (s: string) => JSON.stringify(s);
const name = (zh: string, en: string) => `{ zh-CN: ${quote(zh)}, en: ${quote(en)} }`;
const pick = <T>(list: T[], i: number): T => list[i % list.length]!;

export type BigHall = { folder: string; services: number; departments: number };

export function writeBigHall(services = 10_000, departments = 500): BigHall {
  const folder = mkdtempSync(join(tmpdir(), 'sunlight-big-hall-'));
  for (const part of ['hall.yaml', 'channels.yaml', 'attract.yaml', 'fees', 'notices', 'media'])
    cpSync(join('content/sample', part), join(folder, part), { recursive: true });
  mkdirSync(join(folder, 'departments'));
  mkdirSync(join(folder, 'services'));
  for (let d = 0; d < departments; d++) {
    const [bz, be] = pick(BUREAU, d);
    const [sz, se] = pick(SECTION, Math.floor(d / BUREAU.length));
    writeFileSync(
      join(folder, `departments/d-${d}.yaml`),
      `id: d-${d}\nname: ${name(`示例市${bz}${sz}`, `Shili ${be}, ${se}`)}\nwindows: ["${(d % 60) + 1}"]\n`,
    );
  }
  for (let s = 0; s < services; s++) {
    // Mixed radices so that every (who, what, action) combination comes once before any repeats.
    const [wz, we] = pick(WHO, s);
    const [tz, te] = pick(WHAT, Math.floor(s / WHO.length));
    const [az, ae] = pick(ACTION, Math.floor(s / (WHO.length * WHAT.length)));
    const materials = [pick(MATERIALS, s), pick(MATERIALS, s + 2)]
      .map(([mz, me]) => `  - name: ${name(mz, me)}\n`)
      .join('');
    writeFileSync(
      join(folder, `services/s-${s}.yaml`),
      `id: s-${s}\nname: ${name(`${wz}${tz}${az}`, `${we} ${te} ${ae}`)}\ndepartment: d-${s % departments}\n` +
        `audience: person\nfees: { free: true }\nmaterials:\n${materials}`,
    );
  }
  return { folder, services, departments };
}
