/** Complaints and supervision: every channel, its number or address large, what it handles and how fast it
 * replies; web and email channels as QR codes (a kiosk never opens a link); then the hall's commitments. */
import type { Channel } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { keepPhoneNumbersWholeIn } from '../../logic/whole-numbers.ts';
import { Icon, type IconName } from '../../ui/Icon.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { RichText } from '../../ui/RichText.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { Shown } from './Shown.tsx';
import './style.css';

const KIND_ICONS: Record<Channel['kind'], IconName> = {
  hotline: 'phone',
  mailbox: 'complaints',
  email: 'notices',
  web: 'qr',
  window: 'pin',
  letter: 'notices',
};

/** What a phone should open from the code: the web address itself, or a new mail to the address. */
const qrData = (kind: Channel['kind'], value: string): string | undefined =>
  kind === 'web' ? value : kind === 'email' ? `mailto:${value}` : undefined;

export function Complaints() {
  const { view } = useApp();
  const t = useT('complaints');
  const commitments = keepPhoneNumbersWholeIn(view.rich.value(view.content.value.hall.commitments));
  return (
    <div class="complaints">
      <ScreenTitle title={t('title')} subtitle={t('subtitle')} />
      {commitments.length > 0 && (
        <button
          type="button"
          class="complaints-jump"
          onClick={() => document.getElementById('commitments-title')?.scrollIntoView({ block: 'start' })}
        >
          {t('toCommitments')}
          <Icon name="chevron" size={28} />
        </button>
      )}
      <ul class="plain-list channel-list" aria-label={t('channels')}>
        {view.content.value.channels.map((c) => (
          <li key={c.id}>
            <ChannelCard channel={c} />
          </li>
        ))}
      </ul>
      {commitments.length > 0 && (
        <section class="commitments" aria-labelledby="commitments-title">
          <h2 id="commitments-title">{t('commitments')}</h2>
          <RichText nodes={commitments} />
        </section>
      )}
    </div>
  );
}

function ChannelCard({ channel: c }: { channel: Channel }) {
  const { view } = useApp();
  const t = useT('complaints');
  const text = view.text.value;
  const name = text(c.name);
  const value = text(c.value);
  const kind = t(`kind.${c.kind}`);
  const qr = qrData(c.kind, value);
  const number = c.kind === 'hotline' || /^[\d\s-]+$/.test(value);
  // A channel called what its kind is ("意见箱", a suggestion box) says so once, in its name.
  const sameAsKind = name.trim().toLowerCase() === kind.trim().toLowerCase();
  return (
    <article class={`channel channel-${c.kind}`} aria-labelledby={`channel-${c.id}`}>
      <div class="channel-main">
        <p class="channel-kind" data-tag>
          <Icon name={KIND_ICONS[c.kind]} size={28} /> {!sameAsKind && kind}
        </p>
        <h2 id={`channel-${c.id}`} class="channel-name">
          {name}
        </h2>
        <p class={number ? 'channel-value channel-value-big' : 'channel-value'}>
          <Shown text={value} />
        </p>
        <dl class="channel-facts">
          {c.hours && (
            <div>
              <dt>{t('hours')}</dt>
              <dd>
                <Shown text={text(c.hours)} />
              </dd>
            </div>
          )}
          {c.scope && (
            <div>
              <dt>{t('scope')}</dt>
              <dd>
                <Shown text={text(c.scope)} />
              </dd>
            </div>
          )}
          {c.response && (
            <div>
              <dt>{t('response')}</dt>
              <dd>
                <Shown text={text(c.response)} />
              </dd>
            </div>
          )}
        </dl>
      </div>
      {qr && (
        <figure class="channel-qr">
          <QrCode data={qr} size={220} label={t(c.kind === 'web' ? 'scanWeb' : 'scanEmail', { name })} />
          <figcaption>{t('scanHint')}</figcaption>
        </figure>
      )}
    </article>
  );
}
