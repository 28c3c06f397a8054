/** Formats money given in fen (1 yuan = 100 fen) for people: 8000 → "80", 8050 → "80.50". */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  const rest = fen % 100;
  const grouped = whole.toLocaleString('en-US');
  return rest === 0 ? grouped : `${grouped}.${String(rest).padStart(2, '0')}`;
}
