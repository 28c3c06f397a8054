/**
 * An urgent notice's attract slide, in one language whatever the visitor's: "紧急通知", when it happens and
 * the title as the headline, then its `summary` or its whole body, made smaller until it all fits (never
 * under 28 px; docs/attract.md).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { resolveText } from '../../content/localized.ts';
import type { Notice } from '../../content/schema.ts';
import { useApp } from '../app/context.ts';
import { translator } from '../i18n/setup.ts';
import { bodyStart } from './body-start.ts';
import { whenWords } from './notice-when.ts';

/** Steps of the text's scale tried in turn; the last keeps the body (40 px) at 28 px. */
const FIT_STEPS = [1, 0.9, 0.8, 0.7] as const;

/** Phone numbers ("0000-6188 1234") as one piece: a number split over two lines is misdialled. */
const PHONE = /(\d[\d -]{6,}\d)/;
const unbroken = (text: string) =>
  text.split(PHONE).map((piece, i) =>
    i % 2 === 1 ? (
      <span key={piece} class="slide-nowrap">
        {piece}
      </span>
    ) : (
      piece
    ),
  );

export function UrgentSlide({ notice, locale }: { notice: Notice; locale: string }) {
  const { view } = useApp();
  const fallback = view.defaultLocale.value;
  const t = translator(locale, 'attract');
  const body = notice.body[locale] ?? notice.body[fallback] ?? [];
  const paragraphs = notice.summary
    ? [resolveText(notice.summary, locale, fallback)]
    : bodyStart(body, Number.POSITIVE_INFINITY);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    for (const step of FIT_STEPS) {
      el.style.setProperty('--fit', String(step));
      if (el.scrollHeight <= el.clientHeight) break;
    }
  }, [notice, locale]);
  return (
    <div ref={box} class="slide slide-notice slide-urgent" lang={locale}>
      <div class="slide-notice-words">
        <p class="slide-urgent-mark">
          <strong>{t('urgent')}</strong>
        </p>
        <h2>
          <span class="slide-when">{whenWords(notice, locale)}</span>
          <span class="slide-title">{resolveText(notice.title, locale, fallback)}</span>
        </h2>
        {paragraphs.map((p) => (
          <p key={p}>{unbroken(p)}</p>
        ))}
      </div>
    </div>
  );
}
