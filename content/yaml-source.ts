/** Parses YAML keeping positions, so any value can be traced back to its line. */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Path } from './schema-walk.ts';

export type Located = {
  value: unknown;
  /** The line (1-based) of the deepest part of `path` that exists in the source. */
  lineOf: (path: Path) => number;
  syntaxErrors: { line: number; message: string }[];
};

export function parseYaml(text: string, firstLine = 1): Located {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const syntaxErrors = [...doc.errors, ...doc.warnings].map((e) => ({
    line: lineAt(e.pos[0]),
    message: yamlMessage(e.code, e.message),
  }));
  const lineOf = (path: Path): number => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return lineAt(offset);
  };
  const value = syntaxErrors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { value, lineOf, syntaxErrors };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return `a field is written twice in the same place (YAML: ${first})`;
  if (code === 'TAB_AS_INDENT') return 'a tab is used to indent: YAML needs spaces';
  return `this is not valid YAML: ${first}. Check the indentation and any ":" inside text (put such text in quotes)`;
}
