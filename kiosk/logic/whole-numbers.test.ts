import { describe, expect, it } from 'vitest';
import { keepPhoneNumbersWhole, keepPhoneNumbersWholeIn } from './whole-numbers.ts';

describe('phone numbers kept whole', () => {
  it('should join the parts of a phone number with a no-break space', () => {
    expect(keepPhoneNumbersWhole('call 0000-6188 1234 today')).toBe('call 0000-6188\u00a01234 today');
  });
  it('should leave other numbers and text alone', () => {
    expect(keepPhoneNumbersWhole('12345, 5 working days, 2026-11-30')).toBe(
      '12345, 5 working days, 2026-11-30',
    );
  });
  it('should reach into rich text', () => {
    expect(keepPhoneNumbersWholeIn([{ t: 'p', c: ['拨打 0000-6188 1234 预约'] }])).toEqual([
      { t: 'p', c: ['拨打 0000-6188\u00a01234 预约'] },
    ]);
  });
});
