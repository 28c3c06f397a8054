/**
 * The text a piece of kiosk source can put on screen: string literals, template text and JSX text of
 * TypeScript/TSX (parsed, so comments do not count), quoted strings of CSS (`content: "→"`), and all of an
 * HTML page's text and attributes. Over-collecting costs a few glyphs; missing one costs a box on screen.
 */
import ts from 'typescript';

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

export function scriptStrings(code: string, fileName: string): string[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      found.push(node.parent && ts.isJsxAttribute(node.parent) ? decodeEntities(node.text) : node.text);
    else if (ts.isJsxText(node)) found.push(decodeEntities(node.text));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Quoted strings in CSS, with escapes like `\2192 ` decoded. */
export function cssStrings(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'/g)].map((m) =>
    (m[1] ?? m[2] ?? '').replace(/\\([0-9a-f]{1,6})\s?|\\([\s\S])/gi, (_, hex: string, char: string) =>
      hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : char,
    ),
  );
}

/** An HTML page's text and attribute values: everything but comments, with entities decoded. */
export function htmlStrings(code: string): string[] {
  return [decodeEntities(code.replace(/<!--[\s\S]*?-->/g, ''))];
}

/** The strings of one source file, by its kind; none for kinds that show no text. */
export function sourceStrings(code: string, fileName: string): string[] {
  const path = fileName.replace(/[?#].*$/, '');
  if (/\.(m|c)?[jt]sx?$/.test(path)) return scriptStrings(code, path);
  if (/\.css$/.test(path)) return cssStrings(code);
  if (/\.html?$/.test(path)) return htmlStrings(code);
  return [];
}
