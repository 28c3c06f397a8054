/** Reads fees from CSV: one fee a row, columns named by field path with dots (`name.zh-CN`, `basis.docNo`). */
import { parse } from 'csv-parse/sync';
import type { SourceDoc } from './load.ts';
import type { ProblemList } from './problems.ts';

/** Columns whose cells are numbers of fen; every other cell is text. */
const MONEY_COLUMNS = new Set(['amount', 'range.min', 'range.max']);
/** Columns that hold a list, written with `;` between items. */
const LIST_COLUMNS = new Set(['sector']);

export function parseCsvFees(file: string, text: string, problems: ProblemList): SourceDoc[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, info: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    problems.error(file, err.lines ?? 1, `this is not valid CSV: ${err.message ?? String(e)}`);
    return [];
  }
  return rows.map(({ record, info }) => {
    const raw: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(record)) {
      if (cell === '') continue;
      setPath(raw, column.split('.'), cellValue(column, cell));
    }
    // csv-parse counts the lines read so far: the row ends on that line.
    return { kind: 'fee', file, raw, lineOf: () => info.lines };
  });
}

function cellValue(column: string, cell: string): unknown {
  if (MONEY_COLUMNS.has(column) && /^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
  if (LIST_COLUMNS.has(column)) return cell.split(';').map((s) => s.trim());
  return cell;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  // A locale key such as `zh-CN` contains no dot, so a dot always separates fields.
  keys.slice(0, -1).forEach((k) => {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}
