/**
 * Phone numbers never break across lines (issue 12, item 10): a visitor copying "0000-6188 1234" from two
 * lines dials the wrong number. The space inside a number becomes a no-break space, which every font has;
 * the hyphen already holds (a line may not break between "-" and a digit, UAX #14 LB25).
 */
import type { RichNode } from '../../content/schema.ts';

const PHONE = /\d{3,4}-\d{3,4}(?: \d{3,4})+/g;

export const keepPhoneNumbersWhole = (text: string): string =>
  text.replace(PHONE, (n) => n.replace(/ /g, '\u00a0'));

/** The same for rich text, node by node (a number is never split across nodes by Markdown). */
export const keepPhoneNumbersWholeIn = (nodes: RichNode[]): RichNode[] =>
  nodes.map((n) =>
    typeof n === 'string' ? keepPhoneNumbersWhole(n) : n.c ? { ...n, c: keepPhoneNumbersWholeIn(n.c) } : n,
  );
