/** The screen shown instead of a blank one: the hall's name and where its help desk is, in two languages. */
import { readLastGood } from './last-good.ts';
import { strings } from './strings.ts';
import './fallback.css';

type UiLocale = keyof typeof strings;

/** Fills {{name}} placeholders (i18next may be what failed, so the fallback does not depend on it). */
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

export function Fallback({ onStartAgain }: { onStartAgain?: () => void }) {
  const lastGood = readLastGood();
  const blocks: { locale: UiLocale; texts: NonNullable<typeof lastGood>['texts'][string] | undefined }[] = [
    { locale: 'zh-CN', texts: lastGood?.texts[lastGood.defaultLocale] },
    { locale: 'en', texts: lastGood?.texts.en },
  ];
  return (
    <main class="fallback" data-testid="fallback">
      {blocks.map(({ locale, texts }) => {
        const s = strings[locale];
        const desk = texts?.helpDesk;
        return (
          <section key={locale} lang={locale} class="fallback-block">
            {texts?.hall && <p class="fallback-hall">{texts.hall}</p>}
            <h1>{s.title}</h1>
            <p>{desk ? fill(s.askAt, desk) : s.askAnyone}</p>
          </section>
        );
      })}
      <p class="fallback-quiet">
        {strings['zh-CN'].retrying} <span lang="en">{strings.en.retrying}</span>
      </p>
      {onStartAgain && (
        <button type="button" class="fallback-again" onClick={onStartAgain}>
          {strings['zh-CN'].startAgain} <span lang="en">{strings.en.startAgain}</span>
        </button>
      )}
    </main>
  );
}
