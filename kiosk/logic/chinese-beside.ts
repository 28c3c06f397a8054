/**
 * Chinese a text of another language gives on purpose, in round brackets beside its English
 * ("Wang Jianguo (王建国)", an address to copy onto an envelope): the content model's mark for it
 * (docs/content-format.md). Marked lang="zh-CN" when shown, so it is read aloud and set as Chinese.
 */
export type Part = { text: string; chinese: boolean };

const BESIDE = /\([^()]*\p{Script=Han}[^()]*\)/gu;

export function chineseBeside(text: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of text.matchAll(BESIDE)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), chinese: false });
    parts.push({ text: m[0], chinese: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), chinese: false });
  return parts;
}
