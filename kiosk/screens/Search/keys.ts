/** The on-screen keyboard as data (QWERTY rows, digits, space, backspace, clear) and what a tap does to the query. */

/** A key: a character typed as is, or one of the editing keys. */
export type Key =
  | { type: 'char'; char: string }
  | { type: 'space' }
  | { type: 'backspace' }
  | { type: 'clear' };

/** Long enough for any pinyin or English query; short enough that the display never wraps. */
export const MAX_QUERY_LENGTH = 24;

const chars = (row: string): Key[] => Array.from(row, (char) => ({ type: 'char', char }));

/**
 * QWERTY, because that is what visitors meet on their phones' pinyin keyboards and on other kiosks;
 * digits on top for hotline numbers. Backspace sits where phones put it; clear and space share the last row.
 */
export const KEY_ROWS: Key[][] = [
  chars('1234567890'),
  chars('qwertyuiop'),
  chars('asdfghjkl'),
  [...chars('zxcvbnm'), { type: 'backspace' }],
  [{ type: 'space' }, { type: 'clear' }],
];

/** The query after one tap. Pinyin is typed lower-case; backspace takes one character (a chip may have put hanzi there). */
export function applyKey(query: string, key: Key): string {
  switch (key.type) {
    case 'char':
      return Array.from(query).length >= MAX_QUERY_LENGTH ? query : query + key.char;
    case 'space':
      // A leading or doubled space finds nothing new and only confuses the display.
      return query === '' || query.endsWith(' ') || Array.from(query).length >= MAX_QUERY_LENGTH
        ? query
        : `${query} `;
    case 'backspace':
      return Array.from(query).slice(0, -1).join('');
    case 'clear':
      return '';
  }
}
