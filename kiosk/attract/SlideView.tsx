/** One attract slide, full screen: large text, a notice (title, the start of its body, its image) or an image. */
import { useApp, useT } from '../app/context.ts';
import { bodyStart } from './body-start.ts';
import type { Slide } from './playlist.ts';

export function SlideView({ slide, urgent = false }: { slide: Slide; urgent?: boolean }) {
  const { view } = useApp();
  const text = view.text.value;
  if (slide.text !== undefined)
    return (
      <div class="slide slide-text">
        <p>{text(slide.text)}</p>
      </div>
    );
  if (slide.image !== undefined) {
    const src = view.mediaUrl(slide.image);
    return <div class="slide slide-image">{src && <img src={src} alt="" />}</div>;
  }
  const notice = view.content.value.notices.find((n) => n.id === slide.notice);
  if (!notice) return null;
  const image = view.mediaUrl(notice.image);
  return (
    <div class={`slide slide-notice${urgent ? ' slide-urgent' : ''}${image ? ' has-image' : ''}`}>
      <div class="slide-notice-words">
        {urgent && <UrgentMark expires={notice.expires} />}
        <h2>{text(notice.title)}</h2>
        {bodyStart(view.rich.value(notice.body)).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {image && <img src={image} alt="" />}
    </div>
  );
}

/** Urgent in words (never by colour alone), and until when. */
function UrgentMark({ expires }: { expires: string | undefined }) {
  const t = useT('attract');
  return (
    <p class="slide-urgent-mark">
      <strong>{t('urgent')}</strong>
      {expires && <span>{t('until', { date: expires })}</span>}
    </p>
  );
}
