/**
 * One service guide (办事指南), in the order a visitor needs it: what to bring, where to go, how long, how
 * much (these first, on one screen), then the procedure, the checklist to take away, and the details.
 */
import { useRef } from 'preact/hooks';
import type { Service } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { GuideRating } from '../../ratings/GuideRating.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { ListButton } from '../../ui/ListButton.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { RichText } from '../../ui/RichText.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { HowLong, HowMuch, Where } from './Facts.tsx';
import { Materials } from './Materials.tsx';
import { TakeAway } from './TakeAway.tsx';
import './style.css';

export function ServiceGuide({ id }: { id: string }) {
  const { view } = useApp();
  const t = useT('guide');
  const service = view.service(id);
  const takeAway = useRef<HTMLElement>(null);
  if (!service) return <ScreenTitle title={t('notFound')} />;
  const text = view.text.value;
  const department = view.department(service.department);
  return (
    <article class="guide">
      <ScreenTitle
        title={text(service.name)}
        subtitle={department ? t('department', { name: text(department.name) }) : undefined}
      />
      <div class="guide-first">
        <Materials
          service={service}
          onTakeAway={() => {
            takeAway.current?.scrollIntoView({ block: 'center' });
            takeAway.current?.focus({ preventScroll: true });
          }}
        />
        <div class="guide-facts">
          <Where service={service} />
          <HowLong service={service} />
          <HowMuch service={service} />
        </div>
      </div>
      <div class="guide-more">
        <div class="guide-column">
          <Procedure service={service} />
          {service.conditions && (
            <section aria-labelledby="guide-conditions">
              <h2 id="guide-conditions">{t('conditions')}</h2>
              <RichText nodes={view.rich.value(service.conditions)} />
            </section>
          )}
          <Result service={service} />
          <Complaints service={service} />
        </div>
        <div class="guide-column">
          <TakeAway service={service} sectionRef={takeAway} />
          <Online service={service} />
          <Consult service={service} />
        </div>
      </div>
      {/* 好差评: after what the visitor needs, before the legal citations (kiosk/ratings/, docs/rating-screens.md). */}
      <GuideRating service={service.id} />
      <Basis service={service} />
    </article>
  );
}

function Procedure({ service }: { service: Service }) {
  const { visit } = useApp();
  const t = useT('guide');
  const visits = service.online?.visits;
  if (!service.flow && visits === undefined) return null;
  return (
    <section class="guide-procedure" aria-labelledby="guide-procedure">
      <h2 id="guide-procedure">{t('procedure')}</h2>
      {visits !== undefined && (
        <p class="guide-visits">{visits === 0 ? t('noVisit') : t('visits', { count: visits })}</p>
      )}
      {service.flow && (
        <button
          type="button"
          class="guide-primary"
          onClick={() => visit.go({ name: 'flow', id: service.id })}
        >
          <Icon name="guide" size={40} />
          {t('procedureButton', { count: service.flow.nodes.length })}
          <Icon name="chevron" size={32} />
        </button>
      )}
    </section>
  );
}

function Result({ service }: { service: Service }) {
  const { view } = useApp();
  const t = useT('guide');
  const text = view.text.value;
  if (!service.result && !service.delivery) return null;
  return (
    <section aria-labelledby="guide-result">
      <h2 id="guide-result">{t('result')}</h2>
      {service.result && <p>{text(service.result)}</p>}
      {service.delivery && (
        <p>
          <strong>{t('delivery')}</strong> {text(service.delivery)}
        </p>
      )}
    </section>
  );
}

function Online({ service }: { service: Service }) {
  const t = useT('guide');
  const url = service.online?.url;
  if (!url) return null;
  // A URL is never opened on the kiosk: the visitor takes it away on their phone.
  return (
    <section class="guide-card guide-online" aria-labelledby="guide-online">
      <h2 id="guide-online">{t('online')}</h2>
      <div class="guide-qr-row">
        <QrCode data={url} label={t('onlineQr')} size={240} />
        <p>{t('onlineHint')}</p>
      </div>
    </section>
  );
}

function Consult({ service }: { service: Service }) {
  const t = useT('guide');
  if (service.consult.length === 0) return null;
  return (
    <section aria-labelledby="guide-consult">
      <h2 id="guide-consult">{t('consult')}</h2>
      <ul class="plain-list guide-phones">
        {service.consult.map((phone) => (
          <li key={phone}>
            <Icon name="phone" size={32} /> {phone}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Complaints({ service }: { service: Service }) {
  const { view, visit } = useApp();
  const t = useT('guide');
  const channels = service.complaints.map((id) => view.channel(id)).filter((c) => c !== undefined);
  if (channels.length === 0) return null;
  return (
    <section aria-labelledby="guide-complaints">
      <h2 id="guide-complaints">{t('complaints')}</h2>
      <p class="guide-note">{t('complaintsHint')}</p>
      <ul class="plain-list">
        {channels.map((c) => (
          <li key={c.id}>
            <ListButton
              title={view.text.value(c.name)}
              detail={view.text.value(c.value)}
              onClick={() => visit.go({ name: 'complaints' })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Legal citations, small and below everything else; and when this guide was last revised. */
function Basis({ service }: { service: Service }) {
  const { view } = useApp();
  const t = useT('guide');
  const text = view.text.value;
  return (
    <footer class="guide-basis">
      {service.basis.length > 0 && (
        <section aria-labelledby="guide-basis">
          <h2 id="guide-basis">{t('basis')}</h2>
          <ul>
            {service.basis.map((b, i) => (
              <li key={i}>
                {t('basisTitle', { title: text(b.title) })}
                {b.article && ` ${text(b.article)}`}
                {b.docNo && t('basisDocNo', { docNo: text(b.docNo) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        {[
          service.type && t('about', { type: text(service.type) }),
          service.code && t('code', { code: service.code }),
          service.updated && t('updated', { date: service.updated }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </footer>
  );
}
