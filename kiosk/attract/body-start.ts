/** The start of a notice's body as plain paragraphs, for a slide that has room for a few lines only. */
import type { RichNode } from '../../content/schema.ts';

const plain = (n: RichNode): string =>
  typeof n === 'string' ? n : n.t === 'br' ? ' ' : (n.c ?? []).map(plain).join('');

/** The first `max` blocks (paragraphs, list items, headings) of rich text, as text; tables are left out. */
export function bodyStart(nodes: RichNode[], max = 2): string[] {
  const blocks: string[] = [];
  const visit = (n: RichNode) => {
    if (blocks.length >= max || typeof n === 'string') return;
    if (n.t === 'ul' || n.t === 'ol') return (n.c ?? []).forEach(visit);
    if (n.t === 'table') return;
    const text = plain(n).trim();
    if (text) blocks.push(text);
  };
  nodes.forEach(visit);
  return blocks;
}
