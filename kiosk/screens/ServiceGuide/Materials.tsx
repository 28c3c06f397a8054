/** What to bring, as a numbered checklist: the form of each paper, how many copies, which are optional. */
import type { TFunction } from 'i18next';
import type { Service } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { Icon } from '../../ui/Icon.tsx';

type Material = Service['materials'][number];

/** "原件、复印件，2 份" — the form and the number of copies of one material. */
export function materialDetail(m: Material, t: TFunction): string {
  const forms = m.form.map((f) => t(`form.${f}`)).join(t('separator'));
  return [forms, t('copies', { count: m.copies })].filter(Boolean).join(t('text.partJoiner'));
}

export function Materials({ service, onTakeAway }: { service: Service; onTakeAway: () => void }) {
  const { view } = useApp();
  const t = useT('guide');
  const text = view.text.value;
  const optional = service.materials.filter((m) => !m.required).length;
  return (
    <section class="guide-card guide-bring" aria-labelledby="guide-bring">
      <div class="guide-bring-head">
        <h2 id="guide-bring">{t('bring')}</h2>
        <button type="button" class="guide-small-action" onClick={onTakeAway}>
          <Icon name="qr" size={28} /> {t('takeAwayShort')}
        </button>
      </div>
      {service.materials.length === 0 ? (
        <p>{t('noMaterials')}</p>
      ) : (
        <>
          <p class="guide-note">
            {optional > 0
              ? t('bringOptional', { count: service.materials.length })
              : t('bringSummary', { count: service.materials.length })}
          </p>
          <ol class="guide-materials">
            {service.materials.map((m, i) => {
              const sample = view.mediaUrl(m.sample);
              return (
                <li key={i} class={m.required ? 'guide-material' : 'guide-material guide-optional'}>
                  <span class="guide-box" aria-hidden="true" />
                  <div>
                    <span class="guide-material-name">{text(m.name)}</span>{' '}
                    <span class="guide-tags" data-tag>
                      <span class="guide-tag">{materialDetail(m, t)}</span>
                      {!m.required && <span class="guide-tag guide-tag-optional">{t('optional')}</span>}
                    </span>
                    {m.note && <span class="guide-material-note">{text(m.note)}</span>}
                    {sample && (
                      <figure class="guide-sample">
                        <img src={sample} alt={t('sampleAlt', { name: text(m.name) })} />
                        <figcaption>{t('sample')}</figcaption>
                      </figure>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
