/** How much a fee is, in words a visitor reads: "120 元 / 本", "¥80–¥200 per certificate", or the fee's own text. */
import type { Fee, LocalizedText } from '../../content/schema.ts';
import { yuan } from './money.ts';

/** The common namespace's money templates: yuan, yuanRange, per. */
type Words = (key: 'yuan' | 'yuanRange' | 'per', values: Record<string, string>) => string;

export type FeeAmount = { kind: 'money'; shown: string } | { kind: 'text'; shown: string };

export function feeAmount(
  fee: Pick<Fee, 'amount' | 'range' | 'text' | 'unit'>,
  words: Words,
  text: (t: LocalizedText | undefined) => string,
): FeeAmount {
  if (fee.amount === undefined && fee.range === undefined)
    return { kind: 'text', shown: text(fee.text).trim() };
  const money =
    fee.amount !== undefined
      ? words('yuan', { amount: yuan(fee.amount) })
      : words('yuanRange', { min: yuan(fee.range!.min), max: yuan(fee.range!.max) });
  const unit = text(fee.unit).trim();
  return { kind: 'money', shown: unit ? words('per', { amount: money, unit }) : money };
}
