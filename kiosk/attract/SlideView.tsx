/** One attract slide, full screen: large text, a notice (title, the start of its body, its image) or an image. */
import { useApp } from '../app/context.ts';
import { bodyStart } from './body-start.ts';
import type { PlayableSlide } from './playlist.ts';
import { UrgentSlide } from './UrgentSlide.tsx';

export function SlideView({ playable }: { playable: PlayableSlide }) {
  const { view } = useApp();
  const text = view.text.value;
  const { slide } = playable;
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
  if (playable.urgent) return <UrgentSlide notice={notice} locale={playable.locale ?? view.locale.value} />;
  const image = view.mediaUrl(notice.image);
  return (
    <div class={`slide slide-notice${image ? ' has-image' : ''}`}>
      <div class="slide-notice-words">
        <h2>{text(notice.title)}</h2>
        {bodyStart(view.rich.value(notice.body)).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      {image && <img src={image} alt="" />}
    </div>
  );
}
