/** The fee schedule: every fee in force, by category, with its amount, exemptions, basis and the services that charge it. */
import { useEffect, useState } from 'preact/hooks';
import { FEE_CATEGORIES, type Fee } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { feeAmount } from '../../logic/fee-amount.ts';
import { keepPhoneNumbersWholeIn } from '../../logic/whole-numbers.ts';
import { ListButton } from '../../ui/ListButton.tsx';
import { RichText } from '../../ui/RichText.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { Shown } from '../Complaints/Shown.tsx';
import './style.css';

/** Sector tags with a name in the UI strings; any other tag is shown as written. */
const NAMED_SECTORS = ['business', 'agriculture'];

export function Fees({ fee: asked }: { fee?: string }) {
  const { view } = useApp();
  const t = useT('fees');
  const [sector, setSector] = useState<string | undefined>(undefined);
  const fees = view.fees.value;
  const sectors = [...new Set(fees.flatMap((f) => f.sector))];
  const shown = sector ? fees.filter((f) => f.sector.includes(sector)) : fees;
  const groups = FEE_CATEGORIES.map((category) => ({
    category,
    fees: shown.filter((f) => f.category === category),
  })).filter((g) => g.fees.length > 0);
  const sectorName = (s: string) => (NAMED_SECTORS.includes(s) ? t(`sector.${s}`) : s);

  // The fee asked for comes into view once the screen is drawn (after the shell has scrolled to the top).
  useEffect(() => {
    if (!asked) return;
    const frame = requestAnimationFrame(() =>
      document.getElementById(`fee-${asked}`)?.scrollIntoView({ block: 'start' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [asked]);

  return (
    <div class="fees">
      <ScreenTitle title={t('title')} subtitle={t('subtitle')} />
      {fees.length === 0 && <p>{t('none')}</p>}
      <div class="fees-bar">
        {sectors.length > 0 && (
          <fieldset class="fees-filter">
            <legend class="visually-hidden">{t('show')}</legend>
            <button
              type="button"
              class="fees-chip"
              aria-pressed={sector === undefined}
              onClick={() => setSector(undefined)}
            >
              {t('all')}
            </button>
            {sectors.map((s) => (
              <button
                key={s}
                type="button"
                class="fees-chip"
                aria-pressed={sector === s}
                onClick={() => setSector(s)}
              >
                {sectorName(s)}
              </button>
            ))}
          </fieldset>
        )}
        {groups.length > 1 && (
          <nav class="fees-jump" aria-label={t('jump')}>
            <span class="fees-jump-label" aria-hidden="true">
              {t('jump')}
            </span>
            {groups.map((g) => (
              <button
                key={g.category}
                type="button"
                class="fees-chip"
                onClick={() =>
                  document.getElementById(`fees-${g.category}`)?.scrollIntoView({ block: 'start' })
                }
              >
                {t(`category.${g.category}`)}
              </button>
            ))}
          </nav>
        )}
      </div>
      {groups.map((g) => (
        <section key={g.category} class="fees-category" aria-labelledby={`fees-${g.category}`}>
          <h2 id={`fees-${g.category}`}>
            {t(`category.${g.category}`)}{' '}
            <span class="fees-count">{t('count', { count: g.fees.length })}</span>
          </h2>
          <p class="fees-category-hint">{t(`categoryHint.${g.category}`)}</p>
          <ul class="plain-list fees-list" aria-labelledby={`fees-${g.category}`}>
            {g.fees.map((f) => (
              <li key={f.id}>
                <FeeCard fee={f} asked={f.id === asked} sectorName={sectorName} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FeeCard({
  fee,
  asked,
  sectorName,
}: {
  fee: Fee;
  asked: boolean;
  sectorName: (s: string) => string;
}) {
  const { view, visit } = useApp();
  const t = useT('fees');
  const tc = useT();
  const text = view.text.value;
  const amount = feeAmount(fee, (key, values) => tc(key, values), text);
  const exemptions = keepPhoneNumbersWholeIn(view.rich.value(fee.exemptions));
  const services = view.services.value.filter((s) => Array.isArray(s.fees) && s.fees.includes(fee.id));
  return (
    <article
      id={`fee-${fee.id}`}
      class={`fee-card${asked ? ' is-asked' : ''}`}
      aria-labelledby={`fee-${fee.id}-name`}
    >
      {asked && <p class="fee-asked">{t('asked')}</p>}
      <h3 id={`fee-${fee.id}-name`}>{text(fee.name)}</h3>
      {fee.sector.length > 0 && (
        <p class="fee-tags">
          {fee.sector.map((s) => (
            <span key={s} class="fee-tag" data-tag>
              {sectorName(s)}
            </span>
          ))}
        </p>
      )}
      <p class={amount.kind === 'money' ? 'fee-amount' : 'fee-amount-text'}>
        <Shown text={amount.shown} />
      </p>
      {exemptions.length > 0 && (
        <div class="fee-exemptions">
          <h4>{t('exemptions')}</h4>
          <RichText nodes={exemptions} />
        </div>
      )}
      {services.length > 0 && (
        <div class="fee-services">
          <h4 id={`fee-${fee.id}-services`}>{t('services')}</h4>
          <ul class="plain-list" aria-labelledby={`fee-${fee.id}-services`}>
            {services.map((s) => (
              <li key={s.id}>
                <ListButton title={text(s.name)} onClick={() => visit.go({ name: 'service', id: s.id })} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {fee.basis.length > 0 && (
        <div class="fee-basis">
          <h4>{t('basis')}</h4>
          <ul class="plain-list">
            {fee.basis.map((b) => (
              <li key={`${text(b.title)}${text(b.docNo)}`}>
                <Shown text={t('basisTitle', { title: text(b.title) })} />
                {b.docNo && (
                  <span class="fee-doc-no">
                    {' '}
                    <Shown text={text(b.docNo)} />
                  </span>
                )}
                {b.authority && (
                  <span>
                    {' · '}
                    <Shown text={text(b.authority)} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
