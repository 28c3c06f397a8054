/** A QR code drawn as SVG rectangles (uqr encodes; no canvas, no innerHTML). Text is encoded as UTF-8. */
import { encode } from 'uqr';

export function QrCode({ data, label, size = 240 }: { data: string; label: string; size?: number }) {
  const { data: modules, size: count } = encode(Array.from(new TextEncoder().encode(data)), {
    ecc: 'M',
    border: 2,
  });
  const cells: string[] = [];
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) cells.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${count} ${count}`}
      shape-rendering="crispEdges"
    >
      <rect width={count} height={count} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}
