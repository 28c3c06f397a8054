/**
 * The console's pages, rendered on the server. No script: forms and links only, so nothing here
 * needs a client framework or reaches the kiosk's bundle. Every value goes through `html`, which
 * escapes it; terminal-reported text is shown exactly as sent, never as markup.
 */
import { DEFAULT_TIME_ZONE, wallClock } from '../../content/hall-time.ts';
import type { TerminalStatus } from '../protocol.ts';
import { hallZoneOf } from './hall-zone.ts';
import { type Html, html, type Part } from './html.ts';
import type { TerminalList, TerminalSummary } from './list-terminals.ts';
import type { ChannelProgress, Why } from './progress.ts';
import { terminalRatingsSection } from './ratings-pages.ts';
import type { TerminalDetail } from './terminal-detail.ts';
import { type Problem, STATE_KINDS, type StateKind, type TerminalState } from './terminal-state.ts';
import type { Lang, Words } from './words.ts';

export interface PageContext {
  lang: Lang;
  w: Words;
  /** The path and query of this page, for the language switch to come back to. */
  here: string;
  staffName?: string;
  csrfToken?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as the hall's clock shows it, `YYYY-MM-DD HH:MM`; text that is not a time is shown as sent. */
export function formatTime(value: Date | string | undefined | null, zone = DEFAULT_TIME_ZONE): string {
  if (value === undefined || value === null) return '—';
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(time)) return String(value);
  const wall = wallClock(time, zone);
  return `${wall.date} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

const zoneOf = hallZoneOf;
const shortFingerprint = (fingerprint: string) => fingerprint.slice(0, 8);
const terminalHref = (fingerprint: string) => `/console/terminals/${encodeURIComponent(fingerprint)}`;

const csrfField = (ctx: PageContext) =>
  html`<input type="hidden" name="_csrf" value="${ctx.csrfToken ?? ''}">`;

export function layout(ctx: PageContext, title: string, body: Part): Html {
  const { w } = ctx;
  const switchTo: Lang = ctx.lang === 'zh' ? 'en' : 'zh';
  const langHref = `/console/lang?to=${switchTo}&back=${encodeURIComponent(ctx.here)}`;
  return html`<!doctype html>
<html lang="${w.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${w.product}</title>
<link rel="stylesheet" href="/console/style.css">
</head>
<body>
<header>
<span class="product">${w.product}</span>
${
  ctx.staffName
    ? html`<a href="/console/">${w.nav.terminals}</a>
<a href="/console/progress">${w.nav.progress}</a>
<a href="/console/ratings">${w.nav.ratings}</a>
<a href="/console/cases">${w.nav.cases}</a>
<a href="/console/guide-errors">${w.nav.guideErrors}</a>
<span>${w.nav.signedInAs(ctx.staffName)}</span>
<form method="post" action="/console/logout">${csrfField(ctx)}<button type="submit">${w.nav.signOut}</button></form>`
    : ''
}
<a href="${langHref}" lang="${switchTo === 'en' ? 'en' : 'zh-CN'}">${w.otherLang}</a>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function signInPage(
  ctx: PageContext,
  message?: { kind: 'error' | 'notice'; text: string },
  name = '',
): Html {
  const { w } = ctx;
  return layout(
    ctx,
    w.signIn.heading,
    html`<h1>${w.signIn.heading}</h1>
${message ? html`<p class="${message.kind}" role="${message.kind === 'error' ? 'alert' : 'status'}">${message.text}</p>` : ''}
<form method="post" action="/console/login" class="card">
<label for="name">${w.signIn.name}</label>
<input id="name" name="name" autocomplete="username" required value="${name}">
<label for="password">${w.signIn.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button type="submit">${w.signIn.button}</button></p>
</form>`,
  );
}

export function problemText(w: Words, problem: Problem, zone: string): string {
  switch (problem.kind) {
    case 'not-seen':
      return w.detail.notSeen(formatTime(problem.since, zone));
    case 'refusing':
      return w.detail.refusing(formatTime(problem.at, zone), problem.reason);
    case 'feed-stale':
      return w.detail.feedStale(problem.lastSuccess ? formatTime(problem.lastSuccess, zone) : undefined);
    case 'clock-wrong':
      return w.detail.clockWrong(problem.terminalNow);
    case 'memory-high':
      return w.detail.memoryHigh(Math.round(problem.heapBytes / 2 ** 20));
  }
}

function stateCell(w: Words, state: TerminalState, zone: string): Html {
  const names = state.problems.length ? state.problems : [];
  return html`<span class="state state-${state.kind}">${w.states[state.kind]}</span>${names.map(
    (problem) =>
      html`<br><span class="state-${problem.kind}">${problem.kind === state.kind ? '' : `${w.states[problem.kind]}: `}</span><span>${problemText(w, problem, zone)}</span>`,
  )}`;
}

function versionCell(w: Words, terminal: TerminalSummary): Html {
  const showing = terminal.latest?.content.showing?.version;
  if (showing === undefined) return html`<span class="quiet">${w.list.noContent}</span>`;
  const latest = terminal.latestPublished;
  if (latest === undefined || showing >= latest)
    return html`${showing} <span class="quiet">(${w.list.latest})</span>`;
  return html`${showing} <span class="state-refusing">${w.list.behind(latest)}</span>`;
}

function approveForm(ctx: PageContext, terminal: TerminalSummary): Html {
  const { w } = ctx;
  const id = shortFingerprint(terminal.fingerprint);
  const action = terminalHref(terminal.fingerprint);
  return html`<div class="card">
<p><a href="${action}">${terminal.deviceId}</a> · ${w.list.fingerprint} <code>${terminal.fingerprint}</code> · ${w.list.lastSeen} ${formatTime(terminal.lastSeen, zoneOf(terminal.latest))}</p>
<form method="post" action="${action}/approve" aria-label="${w.list.approve} ${terminal.deviceId}" class="row">
${csrfField(ctx)}
<div><label for="hall-${id}">${w.list.hall}</label><input id="hall-${id}" name="hall" required value="${terminal.hall ?? ''}"></div>
<div><label for="place-${id}">${w.list.place}</label><input id="place-${id}" name="place" required value="${terminal.place ?? ''}"></div>
<div><button type="submit">${w.list.approve} ${terminal.deviceId}</button></div>
</form>
<form method="post" action="${action}/revoke" aria-label="${w.list.revoke} ${terminal.deviceId}">
${csrfField(ctx)}<p><button type="submit" class="danger">${w.list.revoke} ${terminal.deviceId}</button></p>
</form>
</div>`;
}

export function listPage(
  ctx: PageContext,
  list: TerminalList,
  query: { state?: StateKind | undefined; search?: string | undefined },
  done?: string,
): Html {
  const { w } = ctx;
  const from = list.total === 0 ? 0 : (list.page - 1) * 100 + 1;
  const to = Math.min(list.total, list.page * 100);
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (query.state) params.set('state', query.state);
    if (query.search) params.set('q', query.search);
    params.set('page', String(page));
    return `/console/?${params}`;
  };
  const total = Object.values(list.counts).reduce((a, b) => a + b, 0);
  return layout(
    ctx,
    w.list.heading,
    html`${done ? html`<p class="notice" role="status">${done}</p>` : ''}
${
  list.pending.length
    ? html`<h2>${w.list.pendingHeading}</h2><p>${w.list.pendingHint}</p>${list.pending.map((t) => approveForm(ctx, t))}`
    : ''
}
<h1>${w.list.heading}</h1>
<form method="get" action="/console/" class="row card" role="search">
<div><label for="state">${w.list.show}</label>
<select id="state" name="state">
<option value="">${w.list.all}${total ? ` (${total})` : ''}</option>
${STATE_KINDS.map(
  (kind) =>
    html`<option value="${kind}"${query.state === kind ? html` selected` : ''}>${w.states[kind]} (${list.counts[kind]})</option>`,
)}
</select></div>
<div><label for="q">${w.list.search}</label><input id="q" name="q" type="search" size="32" value="${query.search ?? ''}"></div>
<div><button type="submit">${w.list.searchButton}</button></div>
</form>
<p role="status">${w.list.count(list.total, from, to)}</p>
${
  list.rows.length === 0
    ? html`<p>${w.list.none}</p>`
    : html`<table class="terminals">
<thead><tr><th>${w.list.state}</th><th>${w.list.device}</th><th>${w.list.hall}</th><th>${w.list.place}</th><th>${w.list.fingerprint}</th><th>${w.list.version}</th><th>${w.list.lastSeen}</th></tr></thead>
<tbody>
${list.rows.map(
  (t) => html`<tr>
<td class="why">${stateCell(w, t.state, zoneOf(t.latest))}</td>
<td><a href="${terminalHref(t.fingerprint)}">${t.deviceId}</a></td>
<td>${t.hall ?? '—'}</td><td>${t.place ?? '—'}</td>
<td><code title="${t.fingerprint}">${shortFingerprint(t.fingerprint)}</code></td>
<td>${versionCell(w, t)}</td>
<td>${formatTime(t.lastSeen, zoneOf(t.latest))}</td>
</tr>`,
)}
</tbody></table>`
}
${
  list.pages > 1
    ? html`<nav class="pages" aria-label="pages">
${list.page > 1 ? html`<a href="${pageHref(list.page - 1)}">${w.list.previous}</a>` : ''}
<span>${list.page} / ${list.pages}</span>
${list.page < list.pages ? html`<a href="${pageHref(list.page + 1)}">${w.list.next}</a>` : ''}
</nav>`
    : ''
}`,
  );
}

function whyText(w: Words, why: Why, zone: string): string {
  switch (why.kind) {
    case 'refusing':
      return w.progress.why.refusing(why.reason);
    case 'staged':
      return w.progress.why.staged;
    case 'not-seen':
      return w.progress.why.notSeen(formatTime(why.since, zone));
    case 'feed-stale':
      return w.progress.why.feedStale;
    case 'behind':
      return w.progress.why.behind(why.showing, formatTime(why.lastCheck, zone));
  }
}

export function progressPage(ctx: PageContext, channels: ChannelProgress[], withoutContent: number): Html {
  const { w } = ctx;
  return layout(
    ctx,
    w.progress.heading,
    html`<h1>${w.progress.heading}</h1>
<p class="quiet">${w.progress.source}</p>
${channels.length === 0 ? html`<p>${w.progress.noneYet}</p>` : ''}
${channels.map(
  (c) => html`<section class="card" aria-label="${c.hallId} · ${c.channel}">
<h2>${c.hallId} · ${c.channel}</h2>
<p>${w.progress.latestIs(c.latest.version, formatTime(c.latest.publishedAt, c.timeZone))}</p>
<p class="state"><strong>${w.progress.showIt(c.showing, c.total)}</strong></p>
${
  c.behind.length === 0
    ? html`<p class="state-healthy">${w.progress.allShow}</p>`
    : html`<ul>${c.behind.map(
        ({ terminal, why }) =>
          html`<li><a href="${terminalHref(terminal.fingerprint)}">${terminal.deviceId}</a>: ${whyText(w, why, zoneOf(terminal.latest))}</li>`,
      )}</ul>`
}
</section>`,
)}
${withoutContent ? html`<p class="quiet">${w.progress.withoutContent(withoutContent)}</p>` : ''}`,
  );
}

function statusList(w: Words, status: TerminalStatus, zone: string): Html {
  const version = (v: { version: number; publishedAt: string } | undefined) =>
    v ? `${v.version} (${formatTime(v.publishedAt, zone)})` : '—';
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  return html`<dl>
<dt>${w.terminal.app}</dt><dd>${status.appVersion}</dd>
<dt>${w.terminal.mode}</dt><dd>${status.mode} (${status.modeSource})</dd>
<dt>${w.terminal.showing}</dt><dd>${version(status.content.showing)}</dd>
<dt>${w.terminal.staged}</dt><dd>${version(status.content.staged)}</dd>
<dt>${w.terminal.previous}</dt><dd>${version(status.content.previous)}</dd>
<dt>${w.terminal.lastCheck}</dt><dd>${formatTime(status.lastCheck, zone)}</dd>
<dt>${w.terminal.lastSuccess}</dt><dd>${formatTime(status.lastSuccess, zone)}</dd>
<dt>${w.terminal.storage}</dt><dd>${status.storage ? `${mib(status.storage.usedBytes)} / ${mib(status.storage.quotaBytes)}` : '—'}</dd>
<dt>${w.terminal.heap}</dt><dd>${status.heapBytes === undefined ? '—' : mib(status.heapBytes)}</dd>
<dt>${w.terminal.failures}</dt><dd>${status.renderFailures} / ${status.watchdogReloads}</dd>
<dt>${w.terminal.clock}</dt><dd>${status.clock.now} · ${status.clock.timeZone} · ${status.clock.hallTimeZone}</dd>
</dl>`;
}

function checksChart(w: Words, detail: TerminalDetail, zone: string): Html {
  const buckets = detail.hours;
  const barWidth = 6;
  const top = 100;
  const low = 40;
  const width = buckets.length * barWidth;
  const maxChecks = Math.max(1, ...buckets.map((b) => b.ok + b.failed));
  const maxReports = Math.max(1, ...buckets.map((b) => b.reports));
  const sum = (pick: (b: (typeof buckets)[number]) => number) => buckets.reduce((n, b) => n + pick(b), 0);
  const summary = w.terminal.chartSummary(
    sum((b) => b.ok),
    sum((b) => b.failed),
    sum((b) => b.reports),
  );
  const bars = buckets.map((b, i) => {
    const x = i * barWidth;
    const okH = (b.ok / maxChecks) * top;
    const failH = (b.failed / maxChecks) * top;
    const repH = (b.reports / maxReports) * low;
    const label = formatTime(b.start, zone);
    return html`<g><title>${label}: ${w.terminal.legend.ok} ${b.ok}, ${w.terminal.legend.failed} ${b.failed}, ${w.terminal.legend.reports} ${b.reports}</title>${
      okH
        ? html`<rect x="${x}" y="${(top - okH).toFixed(1)}" width="${barWidth - 1}" height="${okH.toFixed(1)}" fill="#00703c"/>`
        : ''
    }${
      failH
        ? html`<rect x="${x}" y="${(top - okH - failH).toFixed(1)}" width="${barWidth - 1}" height="${failH.toFixed(1)}" fill="#a4161a"/>`
        : ''
    }${repH ? html`<rect x="${x}" y="${(top + 16 + low - repH).toFixed(1)}" width="${barWidth - 1}" height="${repH.toFixed(1)}" fill="#505a5f"/>` : ''}</g>`;
  });
  const days = buckets
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => wallClock(b.start, zone).hour === 0)
    .map(
      ({ b, i }) =>
        html`<line x1="${i * barWidth}" y1="0" x2="${i * barWidth}" y2="${top + 16 + low}" stroke="#b1b4b6"/><text x="${i * barWidth + 4}" y="${top + low + 36}">${formatTime(b.start, zone).slice(5, 10)}</text>`,
    );
  return html`<p>${summary}</p>
<p class="legend"><span><span class="swatch swatch-ok"></span>${w.terminal.legend.ok}</span><span><span class="swatch swatch-failed"></span>${w.terminal.legend.failed}</span><span><span class="swatch swatch-reports"></span>${w.terminal.legend.reports}</span></p>
<svg role="img" aria-label="${summary}" viewBox="0 0 ${width} ${top + low + 44}" width="100%" class="chart">
<line x1="0" y1="${top}" x2="${width}" y2="${top}" stroke="#0b0c0c"/>
${days}${bars}
</svg>`;
}

const COMMAND_BUTTONS = ['sync-now', 'reload', 'interactive', 'attract', 'default'] as const;

export function terminalPage(ctx: PageContext, detail: TerminalDetail, done?: string): Html {
  const { w } = ctx;
  const t = detail.terminal;
  const zone = zoneOf(t.latest);
  const action = terminalHref(t.fingerprint);
  const commandName = (kind: string, mode: string | null) =>
    w.terminal.commandNames[(kind === 'set-mode' ? mode : kind) as (typeof COMMAND_BUTTONS)[number]] ??
    `${kind} ${mode ?? ''}`;
  return layout(
    ctx,
    w.terminal.heading(t.deviceId),
    html`<h1>${w.terminal.heading(t.deviceId)}</h1>
${done ? html`<p class="notice" role="status">${done}</p>` : ''}
<p>${stateCell(w, t.state, zone)}</p>
${
  t.status === 'revoked'
    ? ''
    : html`<section aria-label="${w.terminal.commands}" class="commands card">
<h2>${w.terminal.commands}</h2>
${
  t.status === 'pending'
    ? approveForm(ctx, t)
    : html`${COMMAND_BUTTONS.map(
        (command) =>
          html`<form method="post" action="${action}/commands">${csrfField(ctx)}<input type="hidden" name="command" value="${command}"><button type="submit" class="secondary">${w.terminal.commandNames[command]}</button></form>`,
      )}
<form method="post" action="${action}/revoke">${csrfField(ctx)}<button type="submit" class="danger">${w.list.revoke} ${t.deviceId}</button></form>`
}
${
  detail.commands.length
    ? html`<table><thead><tr><th>${w.terminal.commands}</th><th>${w.terminal.commandState.given}</th><th>${w.terminal.commandState.delivered}</th><th>${w.terminal.commandState.done}</th></tr></thead><tbody>
${detail.commands.map(
  (c) =>
    html`<tr><td>${commandName(c.kind, c.mode)}</td><td>${formatTime(c.givenAt, zone)} ${w.terminal.by} ${c.givenBy}</td><td>${c.deliveredAt ? formatTime(c.deliveredAt, zone) : '—'}</td><td>${c.doneAt ? formatTime(c.doneAt, zone) : '—'}</td></tr>`,
)}
</tbody></table>`
    : ''
}
</section>`
}
<section class="card" aria-label="${w.terminal.identity}">
<h2>${w.terminal.identity}</h2>
<dl>
<dt>${w.list.device}</dt><dd>${t.deviceId}</dd>
<dt>${w.list.fingerprint}</dt><dd><code>${t.fingerprint}</code></dd>
<dt>${w.terminal.publicKey}</dt><dd><code>${t.publicKey}</code></dd>
<dt>${w.list.hall}</dt><dd>${t.hall ?? '—'}${t.latest?.hall ? ` (${t.latest.hall.id} · ${t.latest.hall.channel})` : ''}</dd>
<dt>${w.list.place}</dt><dd>${t.place ?? '—'}</dd>
<dt>${w.list.lastSeen}</dt><dd>${formatTime(t.lastSeen, zone)}</dd>
</dl>
</section>
<section class="card" aria-label="${w.terminal.status}">
<h2>${w.terminal.status}</h2>
${t.latest ? statusList(w, t.latest, zone) : html`<p>${w.terminal.nothingYet}</p>`}
</section>
<section class="card" aria-label="${w.terminal.timeline}">
<h2>${w.terminal.timeline}</h2>
${
  detail.versions.length || detail.versionEvents.length
    ? html`<table><thead><tr><th>${w.terminal.timelineShown}</th><th>${w.list.version}</th></tr></thead><tbody>
${detail.versions.map((v) => html`<tr><td>${formatTime(v.from, zone)}</td><td>${v.version}</td></tr>`)}
${detail.versionEvents.map((e) => html`<tr><td>${formatTime(e.at, zone)}</td><td>${e.message}</td></tr>`)}
</tbody></table>`
    : html`<p>${w.terminal.nothingYet}</p>`
}
</section>
<section class="card" aria-label="${w.terminal.chart}">
<h2>${w.terminal.chart}</h2>
${checksChart(w, detail, zone)}
</section>
${detail.ratings ? terminalRatingsSection(ctx, detail.ratings, zone) : ''}
<section class="card" aria-label="${w.terminal.events}">
<h2>${w.terminal.events}</h2>
${
  detail.events.length
    ? html`<table><thead><tr><th>${w.terminal.time}</th><th>${w.terminal.kind}</th><th>${w.terminal.message}</th></tr></thead><tbody>
${detail.events.map((e) => html`<tr><td>${formatTime(e.at, zone)}</td><td>${e.kind}</td><td>${e.message}</td></tr>`)}
</tbody></table>`
    : html`<p>${w.terminal.noEvents}</p>`
}
</section>`,
  );
}

/** A refusal in words; `back` is where to go from here (the terminals list unless said). */
export function refusedPage(ctx: PageContext, message: string, back?: { href: string; text: string }): Html {
  const { w } = ctx;
  return layout(
    ctx,
    w.refused.heading,
    html`<h1>${w.refused.heading}</h1><p class="error" role="alert">${message}</p><p><a href="${back?.href ?? '/console/'}">${back?.text ?? w.refused.back}</a></p>`,
  );
}
