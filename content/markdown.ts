/** Compiles the Markdown subset staff write into the safe rich-text tree a kiosk renders; never HTML. */
import type { Nodes, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { RichNode, RichTag } from './schema.ts';

export type MarkdownProblem = { line: number; severity: 'error' | 'warning'; message: string };

/** `line` is relative to the Markdown text: 1 is its first line. */
export function compileMarkdown(text: string): { tree: RichNode[]; problems: MarkdownProblem[] } {
  const problems: MarkdownProblem[] = [];
  const root = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const el = (t: RichTag, node: { children: RootContent[] }): RichNode => ({
    t,
    c: node.children.flatMap(convert),
  });

  function convert(node: Nodes): RichNode[] {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'text':
        return [node.value];
      case 'paragraph':
        return [el('p', node)];
      case 'heading':
        return [el(node.depth <= 2 ? 'h2' : node.depth === 3 ? 'h3' : 'h4', node)];
      case 'emphasis':
        return [el('em', node)];
      case 'strong':
        return [el('strong', node)];
      case 'list':
        return [el(node.ordered ? 'ol' : 'ul', node)];
      case 'listItem':
        // A tight list item holds one paragraph: keep its text inline.
        return [
          {
            t: 'li',
            c: node.children.flatMap((c) =>
              c.type === 'paragraph' ? c.children.flatMap(convert) : convert(c),
            ),
          },
        ];
      case 'table':
        return [
          {
            t: 'table',
            c: node.children.map((row, i) => ({
              t: 'tr',
              c: row.children.map((cell) => ({
                t: i === 0 ? 'th' : 'td',
                c: cell.children.flatMap(convert),
              })),
            })),
          },
        ];
      case 'link':
        return [{ t: 'a', href: node.url, c: node.children.flatMap(convert) }];
      case 'break':
        return [{ t: 'br' }];
      case 'inlineCode':
        return [node.value];
      case 'html':
        problems.push({
          line,
          severity: 'error',
          message: `raw HTML is not allowed in content (${node.value.trim().slice(0, 30)}): use Markdown, like **bold** or a list`,
        });
        return [];
      case 'blockquote':
        return node.children.flatMap(convert);
      case 'code':
        problems.push({
          line,
          severity: 'warning',
          message: 'a code block is shown as plain text on the kiosk',
        });
        return [{ t: 'p', c: [node.value] }];
      case 'image':
        problems.push({
          line,
          severity: 'warning',
          message: 'images inside text are not shown: use a notice "image"',
        });
        return node.alt ? [node.alt] : [];
      case 'thematicBreak':
        return [];
      default:
        if ('children' in node) return (node.children as Nodes[]).flatMap(convert);
        return 'value' in node && typeof node.value === 'string' ? [node.value] : [];
    }
  }
  return { tree: root.children.flatMap(convert), problems };
}
