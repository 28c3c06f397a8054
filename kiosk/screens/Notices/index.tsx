/** Notices: the list (pinned first, expired ones hidden by the view) and a reader for one notice's rich text. */
import type { Notice } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { ListButton } from '../../ui/ListButton.tsx';
import { RichText } from '../../ui/RichText.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import './style.css';

/** Kind, date and whether it is pinned or urgent, in words (never by colour alone). */
function NoticeFacts({ notice: n }: { notice: Notice }) {
  const t = useT('notices');
  return (
    <span class="notice-facts">
      {n.urgent && (
        <span class="notice-badge notice-badge-urgent" data-tag>
          {t('urgent')}
        </span>
      )}
      {n.pinned && (
        <span class="notice-badge" data-tag>
          {t('pinned')}
        </span>
      )}
      <span>{t(`kind.${n.kind}`)}</span>
      <span aria-hidden="true">·</span>
      <span>{t('published', { date: n.date })}</span>
    </span>
  );
}

export function Notices() {
  const { view, visit } = useApp();
  const t = useT('notices');
  const notices = view.notices.value;
  return (
    <div class="notices">
      <ScreenTitle title={t('title')} subtitle={t('subtitle')} />
      {notices.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul class="plain-list notice-list" aria-label={t('list')}>
          {notices.map((n) => (
            <li key={n.id}>
              <ListButton
                title={view.text.value(n.title)}
                detail={<NoticeFacts notice={n} />}
                onClick={() => visit.go({ name: 'notice', id: n.id })}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function NoticeReader({ id }: { id: string }) {
  const { view, visit } = useApp();
  const t = useT('notices');
  const n = view.notices.value.find((x) => x.id === id);
  if (!n) {
    return (
      <>
        <ScreenTitle title={t('title')} />
        <p>{t('notFound')}</p>
        <ListButton title={t('backToList')} onClick={() => visit.replace({ name: 'notices' })} />
      </>
    );
  }
  const title = view.text.value(n.title);
  const image = view.mediaUrl(n.image);
  return (
    <article class="notice-reader">
      <ScreenTitle
        title={title}
        subtitle={
          <>
            <NoticeFacts notice={n} />
            {n.expires && <span class="notice-until">{t('until', { date: n.expires })}</span>}
          </>
        }
      />
      {image && <img class="notice-image" src={image} alt={title} />}
      <div class="notice-body">
        <RichText nodes={view.rich.value(n.body)} />
      </div>
    </article>
  );
}
