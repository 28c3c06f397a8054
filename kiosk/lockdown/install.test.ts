import { describe, expect, it } from 'vitest';
import { leavesOrZooms } from './install.ts';

const key = (key: string, mods: { altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean } = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keys a kiosk refuses', () => {
  const refused = [
    key('ArrowLeft', { altKey: true }),
    key('ArrowRight', { altKey: true }),
    key('BrowserBack'),
    key('+', { ctrlKey: true }),
    key('-', { ctrlKey: true }),
    key('0', { ctrlKey: true }),
    key('p', { ctrlKey: true }),
    key('s', { metaKey: true }),
  ];
  for (const k of refused)
    it(`should refuse ${JSON.stringify(k)}`, () => expect(leavesOrZooms(k)).toBe(true));

  const allowed = [key('a'), key('Backspace'), key('ArrowLeft'), key('Enter'), key('0')];
  for (const k of allowed)
    it(`should leave typing alone: ${k.key}`, () => expect(leavesOrZooms(k)).toBe(false));
});
