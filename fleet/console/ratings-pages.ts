/**
 * The 好差评 pages (issue 13): ratings per service, department or terminal with their levels' shares
 * and a chart over time, the 差评 cases and one case's page with its status form, and 指南有误 per
 * service. Charts are inline SVG drawn here (the CSP allows no script), each with the numbers in text
 * beside it or in a table: colour never carries a number alone.
 */
import {
  RATING_LEVEL_NAMES,
  RATING_LEVELS,
  type RatingLevel,
  WRONG_PART_NAMES,
  WRONG_PARTS,
} from '../../content/ratings.ts';
import { type Html, html, type Part } from './html.ts';
import { formatTime, layout, type PageContext } from './pages.ts';
import {
  type CaseFilter,
  type CaseLine,
  type Grouping,
  type GuideErrorLine,
  type LevelCounts,
  PERIOD_KINDS,
  type Period,
  poorOf,
  type RatingGroup,
  type RatingRecord,
  type RefusalSummary,
  ratingNumber,
  satisfiedOf,
  type TerminalRatingTrouble,
  type TimeBucket,
} from './ratings-data.ts';

export type SubjectFilter = 'all' | 'guide' | 'hall';

/** The kiosk palette's ok to danger, one colour per level (5 first), each also named in text. */
export const LEVEL_COLOURS: Record<RatingLevel, string> = {
  5: '#00703c',
  4: '#5a9e3a',
  3: '#b1b4b6',
  2: '#d4781c',
  1: '#a4161a',
};

const levelName = (ctx: PageContext, level: RatingLevel) =>
  RATING_LEVEL_NAMES[level][ctx.lang === 'zh' ? 'zh-CN' : 'en'];
const partName = (ctx: PageContext, part: (typeof WRONG_PARTS)[number]) =>
  WRONG_PART_NAMES[part][ctx.lang === 'zh' ? 'zh-CN' : 'en'];
const terminalHref = (fingerprint: string) => `/console/terminals/${encodeURIComponent(fingerprint)}`;
export const caseHref = (r: { fingerprint: string; ratingId: string }) =>
  `/console/cases/${encodeURIComponent(r.fingerprint)}/${encodeURIComponent(r.ratingId)}`;
const csrfField = (ctx: PageContext) =>
  html`<input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">`;

/** A share in whole percent; "0%" of nothing. */
export const percent = (n: number, total: number) => `${total === 0 ? 0 : Math.round((n * 100) / total)}%`;
/** 满意率 with one decimal: 92.3%; "—" when there is nothing to count. */
export const satisfiedRate = (counts: LevelCounts, total: number) =>
  total === 0 ? '—' : `${(Math.round((satisfiedOf(counts) * 1000) / total) / 10).toFixed(1)}%`;

function legend(ctx: PageContext): Html {
  return html`<p class="legend">${RATING_LEVELS.map(
    (level) =>
      html`<span><span class="swatch swatch-l${level}"></span>${level} ${levelName(ctx, level)}</span>`,
  )}</p>`;
}

/** "5 非常满意 4（40%）…": the numbers of a stacked bar, in words. */
export function levelsText(ctx: PageContext, counts: LevelCounts, total: number): string {
  return RATING_LEVELS.map(
    (level) =>
      `${levelName(ctx, level)} ${counts[level]}${ctx.w.ratings.paren(percent(counts[level], total))}`,
  ).join(' · ');
}

function stackedBar(ctx: PageContext, counts: LevelCounts, total: number): Html {
  const width = 240;
  let x = 0;
  const text = levelsText(ctx, counts, total);
  const segments = RATING_LEVELS.map((level) => {
    const w = total === 0 ? 0 : (counts[level] / total) * width;
    const rect = w
      ? html`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="24" fill="${LEVEL_COLOURS[level]}"><title>${levelName(ctx, level)} ${counts[level]}</title></rect>`
      : '';
    x += w;
    return rect;
  });
  return html`<div class="levels"><svg role="img" aria-label="${text}" viewBox="0 0 ${width} 24" width="${width}" height="24" class="bar">${segments}</svg>
<span class="levels-text">${text}</span></div>`;
}

function periodForm(
  ctx: PageContext,
  action: string,
  period: Period,
  extra: { group?: Grouping; subject?: SubjectFilter },
): Html {
  const r = ctx.w.ratings;
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="${action}" class="row card" aria-label="${r.period}">
<div><label for="period">${r.period}</label><select id="period" name="period">
${PERIOD_KINDS.map((kind) => option(kind, r.periods[kind], period.kind === kind))}
</select></div>
<div><label for="from">${r.from}</label><input id="from" name="from" type="date" value="${period.from}"></div>
<div><label for="to">${r.to}</label><input id="to" name="to" type="date" value="${period.to}"></div>
${
  extra.group
    ? html`<div><label for="group">${r.group}</label><select id="group" name="group">
${(['service', 'department', 'terminal'] as const).map((g) => option(g, r.groups[g], extra.group === g))}
</select></div>`
    : ''
}
${
  extra.subject
    ? html`<div><label for="subject">${r.subject}</label><select id="subject" name="subject">
${(['all', 'guide', 'hall'] as const).map((s) => option(s, r.subjects[s], extra.subject === s))}
</select></div>`
    : ''
}
<div><button type="submit">${r.show}</button></div>
</form>`;
}

/** The loud lines: ratings refused in the period, and ratings terminals dropped. */
function refusalLines(ctx: PageContext, refusals: RefusalSummary): Part {
  const r = ctx.w.ratings;
  const where = (list: { fingerprint: string; deviceId: string; place: string | null; count: number }[]) =>
    list.map(
      (t, i) =>
        html`${i ? r.comma : ''}<a href="${terminalHref(t.fingerprint)}">${t.deviceId}</a>${t.place ? ` ${t.place}` : ''}${r.paren(t.count)}`,
    );
  const lines: Html[] = [];
  if (refusals.total > 0) {
    const reasons = refusals.byReason
      .map(({ reason, count }) => `${r.refusalReasons[reason] ?? reason} ${count}`)
      .join(r.comma);
    lines.push(
      html`<p class="error" role="alert"><strong>${r.refusedLine(refusals.total)}</strong>${r.colon}${reasons}${r.stop}${r.refusedOn}${r.colon}${where(refusals.terminals)}</p>`,
    );
  }
  if (refusals.droppedTotal > 0) {
    lines.push(
      html`<p class="error" role="alert"><strong>${r.droppedLine(refusals.droppedTotal)}</strong>${r.colon}${where(refusals.dropped)}</p>`,
    );
  }
  return lines;
}

function bucketLabel(b: TimeBucket) {
  return b.from === b.to ? b.from : `${b.from} – ${b.to}`;
}

function timeChart(ctx: PageContext, buckets: TimeBucket[], weekly: boolean): Html {
  const r = ctx.w.ratings;
  const total = (b: TimeBucket) => RATING_LEVELS.reduce((n, level) => n + b.counts[level], 0);
  const max = Math.max(1, ...buckets.map(total));
  const slot = Math.max(8, Math.min(120, Math.floor(1000 / Math.max(1, buckets.length))));
  const left = 40;
  const top = 160;
  const width = left + buckets.length * slot + 8;
  const all = buckets.reduce((n, b) => n + total(b), 0);
  const summary = r.chartSummary(all, buckets.length, weekly ? r.week : r.day);
  const every = Math.max(1, Math.ceil(buckets.length / 12));
  const bars = buckets.map((b, i) => {
    const x = left + i * slot;
    let y = top;
    const rects = RATING_LEVELS.map((level) => {
      const h = (b.counts[level] / max) * top;
      if (!h) return '';
      y -= h;
      return html`<rect x="${x}" y="${y.toFixed(1)}" width="${slot - 2}" height="${h.toFixed(1)}" fill="${LEVEL_COLOURS[level]}"/>`;
    });
    return html`<g><title>${bucketLabel(b)}: ${levelsText(ctx, b.counts, total(b))}</title>${rects}${
      i % every === 0 ? html`<text x="${x}" y="${top + 18}">${b.from.slice(5)}</text>` : ''
    }</g>`;
  });
  return html`<p>${summary}</p>
${legend(ctx)}
<svg role="img" aria-label="${summary}" viewBox="0 0 ${width} ${top + 28}" width="${width}" height="${top + 28}" class="chart ratings-chart">
<line x1="${left}" y1="${top}" x2="${width}" y2="${top}" stroke="#0b0c0c"/>
<text x="0" y="14">${max}</text><text x="0" y="${top}">0</text>
${bars}
</svg>
<details><summary>${r.chartTable}</summary>
<table class="chart-table"><caption>${r.chartTableSummary}</caption>
<thead><tr><th scope="col">${weekly ? r.week : r.day}</th>${RATING_LEVELS.map((level) => html`<th scope="col">${levelName(ctx, level)}</th>`)}<th scope="col">${r.count}</th></tr></thead>
<tbody>
${buckets.map(
  (b) =>
    html`<tr><th scope="row">${bucketLabel(b)}</th>${RATING_LEVELS.map((level) => html`<td>${b.counts[level]}</td>`)}<td>${total(b)}</td></tr>`,
)}
</tbody></table></details>`;
}

export interface RatingsView {
  period: Period;
  group: Grouping;
  subject: SubjectFilter;
  counts: LevelCounts;
  total: number;
  groups: RatingGroup[];
  buckets: TimeBucket[];
  weekly: boolean;
  refusals: RefusalSummary;
  /** The query string of this view, for the export links. */
  query: string;
}

export function ratingsPage(ctx: PageContext, view: RatingsView): Html {
  const r = ctx.w.ratings;
  const { counts, total } = view;
  return layout(
    ctx,
    r.heading,
    html`<h1>${r.heading}</h1>
${refusalLines(ctx, view.refusals)}
${periodForm(ctx, '/console/ratings', view.period, { group: view.group, subject: view.subject })}
<p role="status"><strong>${r.periodIs(view.period.from, view.period.to, view.period.zone)}${r.colon}${r.total(total)}</strong>${
      total
        ? html` · ${r.satisfied} ${satisfiedRate(counts, total)} · <a href="/console/cases">${r.poor} ${poorOf(counts)}</a>`
        : ''
    }</p>
<p class="quiet">${r.satisfiedHow}</p>
${
  total === 0
    ? html`<p>${r.none}</p>`
    : html`<section class="card" aria-label="${r.levels}">
<h2>${r.levels}</h2>
${legend(ctx)}
<table class="ratings">
<thead><tr><th scope="col">${r.groups[view.group]}</th><th scope="col">${r.count}</th><th scope="col">${r.levels}</th><th scope="col">${r.satisfied}</th><th scope="col">${r.poor}</th></tr></thead>
<tbody>
${view.groups.map(
  (g) => html`<tr>
<th scope="row">${g.name}${g.detail ? html`<br><span class="quiet">${g.detail}</span>` : ''}</th>
<td>${g.total}</td>
<td>${stackedBar(ctx, g.counts, g.total)}</td>
<td>${satisfiedRate(g.counts, g.total)}</td>
<td>${poorOf(g.counts)}</td>
</tr>`,
)}
<tr class="sum"><th scope="row">${r.subjects.all}</th><td>${total}</td><td>${stackedBar(ctx, counts, total)}</td><td>${satisfiedRate(counts, total)}</td><td>${poorOf(counts)}</td></tr>
</tbody></table>
</section>
<section class="card" aria-label="${view.weekly ? r.chartWeekly : r.chartDaily}">
<h2>${view.weekly ? r.chartWeekly : r.chartDaily}</h2>
${timeChart(ctx, view.buckets, view.weekly)}
</section>`
}
<section class="card" aria-label="${r.exportHeading}">
<h2>${r.exportHeading}</h2>
<p>${r.exportHint}</p>
<p><a class="button" href="/console/ratings/export.csv?${view.query}">${r.exportCsv}</a> <a class="button" href="/console/ratings/export.json?${view.query}">${r.exportJson}</a></p>
</section>`,
  );
}

function reasonsCell(ctx: PageContext, rating: RatingRecord): Html {
  const c = ctx.w.ratings.cases;
  return html`${rating.reasons.length ? rating.reasons.map((reason) => reason.label).join(ctx.w.ratings.semicolon) : c.noReasons}${
    rating.wrong.length
      ? html`<br><span>${c.wrong}${ctx.w.ratings.colon}${rating.wrong.map((part) => partName(ctx, part)).join(ctx.w.ratings.listSep)}</span>`
      : ''
  }`;
}

function dueCell(ctx: PageContext, line: CaseLine): Html {
  const c = ctx.w.ratings.cases;
  return html`${line.case.dueDate}${line.overdueDays > 0 ? html`<br><strong class="overdue">${c.overdue(line.overdueDays)}</strong>` : ''}`;
}

const statusCell = (ctx: PageContext, line: CaseLine) =>
  html`<span class="case-${line.case.status}">${ctx.w.ratings.cases.statuses[line.case.status]}</span>`;

export function casesPage(
  ctx: PageContext,
  filter: CaseFilter,
  cases: { lines: CaseLine[]; total: number },
): Html {
  const c = ctx.w.ratings.cases;
  return layout(
    ctx,
    c.heading,
    html`<h1>${c.heading}</h1>
<nav class="pages" aria-label="${c.filter}"><span>${c.filter}：</span>${(
      ['open', 'overdue', 'all'] as const
    ).map((f) =>
      f === filter
        ? html`<strong aria-current="page">${c.filters[f]}</strong>`
        : html`<a href="/console/cases?show=${f}">${c.filters[f]}</a>`,
    )}</nav>
<p role="status">${c.count(cases.lines.length, cases.total)}</p>
${
  cases.lines.length === 0
    ? html`<p>${c.none}</p>`
    : html`<table class="cases">
<thead><tr><th scope="col">${c.rating}</th><th scope="col">${c.service}</th><th scope="col">${c.department}</th><th scope="col">${c.terminal}</th><th scope="col">${c.reasons}</th><th scope="col">${c.received}</th><th scope="col">${c.due}</th><th scope="col">${c.status}</th></tr></thead>
<tbody>
${cases.lines.map(
  (line) => html`<tr${line.overdueDays > 0 ? html` class="late"` : ''}>
<td><a href="${caseHref(line.rating)}">${line.rating.level} ${levelName(ctx, line.rating.level)}</a><br><span class="quiet">${ctx.w.ratings.subjects[line.rating.subject]}</span></td>
<td>${line.rating.serviceName ?? line.rating.service ?? ctx.w.ratings.noService}${line.rating.serviceCode ? html`<br><code>${line.rating.serviceCode}</code>` : ''}</td>
<td>${line.rating.departmentName ?? line.rating.department ?? '—'}</td>
<td><a href="${terminalHref(line.rating.fingerprint)}">${line.rating.deviceId}</a>${line.rating.place ? html`<br>${line.rating.place}` : ''}</td>
<td class="why">${reasonsCell(ctx, line.rating)}</td>
<td>${formatTime(line.rating.receivedAt, line.rating.zone)}</td>
<td>${dueCell(ctx, line)}</td>
<td>${statusCell(ctx, line)}</td>
</tr>`,
)}
</tbody></table>`
}`,
  );
}

export function casePage(ctx: PageContext, line: CaseLine, done?: string): Html {
  const c = ctx.w.ratings.cases;
  const r = line.rating;
  const k = line.case;
  const zone = r.zone;
  const number = ratingNumber(r);
  const who = (at: Date | null, by: string | null) =>
    at ? `${formatTime(at, zone)} ${ctx.w.terminal.by} ${by ?? '—'}` : c.never;
  const targets =
    k.status === 'rectified' ? (['rectifying'] as const) : (['rectifying', 'rectified'] as const);
  // The next step is offered first: new → 整改中, 整改中 → 已整改, 已整改 → reopened (整改中).
  const next = k.status === 'rectifying' ? 'rectified' : 'rectifying';
  return layout(
    ctx,
    c.caseHeading(number),
    html`<h1>${c.caseHeading(number)}</h1>
${done ? html`<p class="notice" role="status">${done}</p>` : ''}
<p>${statusCell(ctx, line)}${line.overdueDays > 0 ? html` · <strong class="overdue">${c.overdue(line.overdueDays)}</strong>` : ''}</p>
<section class="card" aria-label="${c.rating}">
<h2>${c.rating}</h2>
<dl>
<dt>${c.level}</dt><dd>${r.level} ${levelName(ctx, r.level)}</dd>
<dt>${c.subject}</dt><dd>${ctx.w.ratings.subjects[r.subject]}</dd>
<dt>${c.reasons}</dt><dd>${r.reasons.length ? r.reasons.map((reason) => reason.label).join(ctx.w.ratings.semicolon) : c.noReasons}</dd>
<dt>${c.wrong}</dt><dd>${r.wrong.length ? r.wrong.map((part) => partName(ctx, part)).join(ctx.w.ratings.listSep) : '—'}</dd>
<dt>${c.service}</dt><dd>${r.serviceName ?? r.service ?? ctx.w.ratings.noService}</dd>
<dt>${c.code}</dt><dd>${r.serviceCode ?? '—'}</dd>
<dt>${c.department}</dt><dd>${r.departmentName ?? r.department ?? '—'}</dd>
<dt>${c.hall}</dt><dd>${r.hallName}</dd>
<dt>${c.terminal}</dt><dd><a href="${terminalHref(r.fingerprint)}">${r.deviceId}</a>${r.place ? ` · ${r.place}` : ''}</dd>
<dt>${c.ratedAt}</dt><dd>${formatTime(r.at, zone)} <span class="quiet">(${r.atText})</span></dd>
<dt>${c.received}</dt><dd>${formatTime(r.receivedAt, zone)}</dd>
<dt>${c.contentVersion}</dt><dd>${r.contentVersion}</dd>
<dt>${c.locale}</dt><dd>${r.locale ?? '—'}</dd>
<dt>${c.due}</dt><dd>${k.dueDate}</dd>
<dt>${c.note}</dt><dd>${k.note || '—'}</dd>
<dt>${c.changed}</dt><dd>${who(k.changedAt, k.changedBy)}</dd>
<dt>${c.closed}</dt><dd>${who(k.closedAt, k.closedBy)}</dd>
</dl>
</section>
<form method="post" action="${caseHref(r)}" class="card" aria-label="${c.move}">
<h2>${c.move}</h2>
${csrfField(ctx)}<input type="hidden" name="from" value="${k.status}">
<label for="to">${c.moveTo}</label>
<select id="to" name="to">
${targets.map((s) => html`<option value="${s}"${s === next ? html` selected` : ''}>${k.status === 'rectified' ? c.reopen : c.statuses[s]}</option>`)}
</select>
<label for="note">${c.note}</label>
<p class="quiet" id="note-hint">${c.noteHint}</p>
<textarea id="note" name="note" rows="4" cols="60" maxlength="2000" aria-describedby="note-hint">${k.note}</textarea>
<p><button type="submit">${c.save}</button></p>
</form>
<p><a href="/console/cases">${c.back}</a></p>`,
  );
}

export function guideErrorsPage(ctx: PageContext, period: Period, lines: GuideErrorLine[]): Html {
  const g = ctx.w.ratings.guide;
  return layout(
    ctx,
    g.heading,
    html`<h1>${g.heading}</h1>
<p>${g.hint}</p>
${periodForm(ctx, '/console/guide-errors', period, {})}
<p role="status"><strong>${ctx.w.ratings.periodIs(period.from, period.to, period.zone)}</strong></p>
${
  lines.length === 0
    ? html`<p>${g.none}</p>`
    : html`<table class="guide-errors">
<thead><tr><th scope="col">${g.service}</th><th scope="col">${g.total}</th>${WRONG_PARTS.map((part) => html`<th scope="col">${partName(ctx, part)}</th>`)}<th scope="col">${g.unnamed}</th><th scope="col">${g.latest}</th></tr></thead>
<tbody>
${lines.map(
  (line) => html`<tr>
<th scope="row">${line.serviceName ?? line.service ?? ctx.w.ratings.noService}<br><span class="quiet">${[line.serviceCode, line.departmentName, line.hallName].filter(Boolean).join(' · ')}</span></th>
<td>${line.total}</td>
${WRONG_PARTS.map((part) => html`<td>${line.parts[part]}</td>`)}
<td>${line.unnamed}</td>
<td>${line.latest}<br><span class="quiet">${ctx.w.ratings.cases.contentVersion} ${line.latestContentVersion}</span></td>
</tr>`,
)}
</tbody></table>`
}`,
  );
}

/** The sections of a terminal's page: its latest ratings; its refused ratings (the latest 50) and dropped count. */
export function terminalRatingsSection(ctx: PageContext, trouble: TerminalRatingTrouble, zone: string): Html {
  const r = ctx.w.ratings;
  const c = r.cases;
  return html`<section class="card" aria-label="${r.terminalRecent}">
<h2>${r.terminalRecent}</h2>
${
  trouble.recent.length === 0
    ? html`<p>${r.none}</p>`
    : html`<table class="recent-ratings"><thead><tr><th scope="col">${c.ratedAt}</th><th scope="col">${c.level}</th><th scope="col">${c.subject}</th><th scope="col">${c.service}</th><th scope="col">${c.reasons}</th></tr></thead><tbody>
${trouble.recent.map(
  (rating) =>
    html`<tr><td>${formatTime(rating.at, zone)}</td><td>${rating.case ? html`<a href="${caseHref(rating)}">${rating.level} ${levelName(ctx, rating.level)}</a>` : `${rating.level} ${levelName(ctx, rating.level)}`}</td><td>${r.subjects[rating.subject]}</td><td>${rating.serviceName ?? rating.service ?? r.noService}</td><td class="why">${rating.reasons.length ? reasonsCell(ctx, rating) : '—'}</td></tr>`,
)}
</tbody></table>`
}
</section>
<section class="card" aria-label="${r.terminalHeading}">
<h2>${r.terminalHeading}</h2>
${trouble.refused === 0 && trouble.dropped === 0 ? html`<p>${r.terminalNone}</p>` : ''}
${trouble.refused > 0 ? html`<p class="error" role="alert"><strong>${r.terminalRefused(trouble.refused)}</strong></p>` : ''}
${trouble.dropped > 0 ? html`<p class="error" role="alert"><strong>${r.terminalDropped(trouble.dropped)}</strong></p>` : ''}
${
  trouble.latest.length
    ? html`<table><thead><tr><th>${r.refusalTime}</th><th>${r.refusalReason}</th><th>${r.refusalMessage}</th></tr></thead><tbody>
${trouble.latest.map(
  (l) =>
    html`<tr><td>${formatTime(l.receivedAt, zone)}</td><td>${r.refusalReasons[l.reason] ?? l.reason} <code>${l.reason}</code></td><td>${l.message} <code>${l.ratingId}</code></td></tr>`,
)}
</tbody></table>`
    : ''
}
</section>`;
}
