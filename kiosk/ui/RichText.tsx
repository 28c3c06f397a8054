/** Renders the bundle's safe rich-text tree with Preact: never innerHTML. Links are shown, never followed. */
import type { RichNode } from '../../content/schema.ts';
import { QrCode } from './QrCode.tsx';

/** A link to the outside world: a visitor takes it away on their phone (lockdown: never a live link). */
const outside = (href: string | undefined): href is string => !!href && /^(https?|mailto|tel):/i.test(href);

export function RichText({ nodes }: { nodes: RichNode[] }) {
  return <>{nodes.map((n, i) => renderNode(n, i))}</>;
}

function renderNode(node: RichNode, key: number) {
  if (typeof node === 'string') return node;
  const children = (node.c ?? []).map((c, i) => renderNode(c, i));
  switch (node.t) {
    case 'p':
      return <p key={key}>{children}</p>;
    case 'h2':
      return <h2 key={key}>{children}</h2>;
    case 'h3':
      return <h3 key={key}>{children}</h3>;
    case 'h4':
      return <h4 key={key}>{children}</h4>;
    case 'em':
      return <em key={key}>{children}</em>;
    case 'strong':
      return <strong key={key}>{children}</strong>;
    case 'ul':
      return <ul key={key}>{children}</ul>;
    case 'ol':
      return <ol key={key}>{children}</ol>;
    case 'li':
      return <li key={key}>{children}</li>;
    case 'table':
      return (
        <div key={key} class="table-scroll">
          <table>
            <tbody>{children}</tbody>
          </table>
        </div>
      );
    case 'tr':
      return <tr key={key}>{children}</tr>;
    case 'th':
      return <th key={key}>{children}</th>;
    case 'td':
      return <td key={key}>{children}</td>;
    case 'br':
      return <br key={key} />;
    case 'a':
      return (
        <span key={key} class="link-text">
          {children}
          {node.href && !node.href.startsWith('#') ? <span class="link-url"> ({node.href})</span> : null}
          {outside(node.href) ? (
            <span class="link-qr">
              <QrCode data={node.href} label={node.href} size={180} />
            </span>
          ) : null}
        </span>
      );
  }
}
