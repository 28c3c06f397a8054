import { describe, expect, it } from 'vitest';
import { applyKey, KEY_ROWS, type Key, MAX_QUERY_LENGTH } from './keys.ts';

const char = (c: string): Key => ({ type: 'char', char: c });

describe('the on-screen keyboard', () => {
  it.each([
    ['should append a letter', 'b', char('d'), 'bd'],
    ['should append a digit', '1234', char('5'), '12345'],
    ['should remove the last letter on backspace', 'bdc', { type: 'backspace' }, 'bd'],
    ['should remove a whole hanzi on backspace', '护照', { type: 'backspace' }, '护'],
    ['should leave an empty query empty on backspace', '', { type: 'backspace' }, ''],
    ['should empty the query on clear', 'passport', { type: 'clear' }, ''],
    ['should add a space between words', 'id', { type: 'space' }, 'id '],
    ['should not start with a space', '', { type: 'space' }, ''],
    ['should not double a space', 'id ', { type: 'space' }, 'id '],
  ] as const)('%s', (_, query, key, expected) => {
    expect(applyKey(query, key)).toBe(expected);
  });

  it('should stop growing at the longest query the display holds', () => {
    const full = 'a'.repeat(MAX_QUERY_LENGTH);
    expect(applyKey(full, char('b'))).toBe(full);
    expect(applyKey(full, { type: 'space' })).toBe(full);
  });

  it('should offer every Latin letter and digit exactly once', () => {
    const typed = KEY_ROWS.flat()
      .flatMap((k) => (k.type === 'char' ? [k.char] : []))
      .sort()
      .join('');
    expect(typed).toBe('0123456789abcdefghijklmnopqrstuvwxyz');
  });
});
