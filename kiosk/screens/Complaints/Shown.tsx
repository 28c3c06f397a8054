/** A content text as a visitor reads it: phone numbers whole, Chinese given beside the English marked as Chinese. */
import { chineseBeside } from '../../logic/chinese-beside.ts';
import { keepPhoneNumbersWhole } from '../../logic/whole-numbers.ts';

export function Shown({ text }: { text: string }) {
  return (
    <>
      {chineseBeside(keepPhoneNumbersWhole(text)).map((p, i) =>
        p.chinese ? (
          <span key={i} lang="zh-CN">
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
