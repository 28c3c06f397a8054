/**
 * The console's stylesheet, served at /console/style.css (a file, so the CSP can forbid inline
 * styles). The kiosk's palette (kiosk/style.css) at desktop sizes: large, calm, high contrast.
 */
export const CONSOLE_CSS = `
:root {
  --ink: #0b0c0c; --ink-2: #3b4044; --quiet: #505a5f; --paper: #f6f6f3; --card: #ffffff;
  --line: #b1b4b6; --accent: #1d3f8f; --accent-ink: #ffffff; --accent-soft: #e6ecf7;
  --ok: #00703c; --warn: #8a4b00; --danger: #a4161a; --focus: #ffbf47;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 20px/1.5 "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
header { background: var(--accent); color: var(--accent-ink); padding: 12px 32px; display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
header a, header button { color: var(--accent-ink); }
header .product { font-weight: 700; font-size: 24px; margin-right: auto; }
header form { margin: 0; }
main { padding: 24px 32px 64px; max-width: 1600px; }
h1 { font-size: 32px; margin: 8px 0 16px; }
h2 { font-size: 26px; margin: 32px 0 12px; }
a { color: var(--accent); }
:focus-visible { outline: 4px solid var(--focus); outline-offset: 2px; }
.card { background: var(--card); border: 2px solid var(--line); border-radius: 12px; padding: 16px 24px; margin: 16px 0; }
.notice { background: var(--accent-soft); border-left: 8px solid var(--accent); padding: 12px 20px; margin: 16px 0; }
.error { background: #fbe9e9; border-left: 8px solid var(--danger); padding: 12px 20px; margin: 16px 0; }
.quiet { color: var(--quiet); }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: 10px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--accent-soft); }
table.terminals td { white-space: nowrap; }
table.terminals td.why { white-space: normal; min-width: 18em; max-width: 36em; overflow-wrap: anywhere; }
td a, td code { white-space: nowrap; overflow-wrap: normal; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 18px; overflow-wrap: anywhere; }
label { display: block; font-weight: 700; margin: 8px 0 4px; }
input, select { font: inherit; padding: 8px 12px; border: 2px solid var(--ink-2); border-radius: 8px; min-height: 48px; background: var(--card); color: var(--ink); }
button, .button { font: inherit; font-weight: 700; min-height: 48px; padding: 8px 20px; border-radius: 8px; border: 2px solid var(--accent); background: var(--accent); color: var(--accent-ink); cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: var(--card); color: var(--accent); }
button.danger { background: var(--danger); border-color: var(--danger); color: #ffffff; }
header button { background: transparent; border-color: var(--accent-ink); }
.row { display: flex; gap: 16px; align-items: flex-end; flex-wrap: wrap; }
.row > div { display: flex; flex-direction: column; }
.state { font-weight: 700; }
.state-healthy { color: var(--ok); }
.state-quiet, .state-pending, .state-revoked { color: var(--ink-2); }
.state-not-seen, .state-refusing, .state-feed-stale, .state-clock-wrong, .state-memory-high { color: var(--danger); }
.commands form { display: inline-block; margin: 0 8px 8px 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; }
svg text { font-size: 14px; fill: var(--ink-2); }
.legend span { margin-right: 24px; }
svg.chart { max-width: 1210px; background: var(--card); }
svg.ratings-chart { max-width: 100%; height: auto; }
.swatch-ok { background: var(--ok); }
.swatch-failed { background: var(--danger); }
.swatch-reports { background: var(--quiet); }
.swatch { display: inline-block; width: 16px; height: 16px; vertical-align: middle; margin-right: 6px; }
textarea { font: inherit; padding: 8px 12px; border: 2px solid var(--ink-2); border-radius: 8px; width: 100%; max-width: 48em; background: var(--card); color: var(--ink); }
.swatch-l5 { background: #00703c; }
.swatch-l4 { background: #5a9e3a; }
.swatch-l3 { background: #b1b4b6; }
.swatch-l2 { background: #d4781c; }
.swatch-l1 { background: #a4161a; }
.levels { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.levels svg.bar { border: 1px solid var(--line); background: var(--paper); flex: none; }
.levels-text { font-size: 17px; }
th[scope="row"] { background: none; font-weight: 700; }
th[scope="col"] { white-space: nowrap; }
tr.sum th, tr.sum td { border-top: 2px solid var(--ink-2); }
.overdue { color: var(--danger); }
tr.late td:first-child { border-left: 6px solid var(--danger); }
.case-new { font-weight: 700; color: var(--danger); }
.case-rectifying { font-weight: 700; color: var(--warn); }
.case-rectified { font-weight: 700; color: var(--ok); }
details summary { cursor: pointer; font-weight: 700; min-height: 48px; padding: 8px 0; }
table.chart-table caption { text-align: left; padding: 8px 0; }
nav.pages { margin: 16px 0; display: flex; gap: 24px; align-items: center; }
`;
