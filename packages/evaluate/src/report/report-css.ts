// The report's stylesheet, inlined into index.html: system fonts only (nothing fetched), a readable
// column, tables that scroll rather than overflow, and colours that survive printing.

export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --bad: #cf222e; --good: #1a7f37; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 2px; }
h2 { font-size: 18px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 22px 0 8px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.box { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: 10px 14px; margin: 12px 0; background: var(--soft); }
.box.flags { border-left-color: var(--bad); background: #fff5f5; }
.box.ok { border-left-color: var(--good); background: #f4fbf6; }
.box.notes { border-left-color: var(--warn); background: #fffbeb; }
.box ul { margin: 4px 0 0; padding-left: 20px; }
.box strong { display: block; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0 12px; min-width: 40%; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: var(--soft); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flagged td { background: #fff5f5; }
.group { white-space: nowrap; }
.better { color: var(--good); }
.worse { color: var(--bad); }
.pass { color: var(--good); font-weight: 600; }
.fail { color: var(--bad); font-weight: 600; }
.na { color: var(--muted); }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 8px 0; }
dl.identity dt { color: var(--muted); }
dl.identity dd { margin: 0; overflow-wrap: anywhere; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 18px; }
figure { margin: 0; padding: 12px; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; margin: 8px auto 0; }
figcaption { color: var(--muted); font-size: 13px; }
figcaption strong { display: block; color: var(--fg); font-size: 14px; }
.example { font-size: 12.5px; }
.example .changed { background: #fff8c5; }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; }
footer dt { font-weight: 600; color: var(--fg); }
footer dd { margin: 0 0 6px; }
@media print { main { max-width: none; padding: 0; } figure { break-inside: avoid; } }
`
