/** A full-width row that opens something: title, an optional line below, a chevron. */
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon.tsx';

export function ListButton({
  title,
  detail,
  onClick,
}: {
  title: ComponentChildren;
  detail?: ComponentChildren;
  onClick: () => void;
}) {
  return (
    <button type="button" class="list-button" onClick={onClick}>
      <span class="list-button-text">
        <span class="list-button-title">{title}</span>
        {detail && <span class="list-button-detail">{detail}</span>}
      </span>
      <Icon name="chevron" size={28} />
    </button>
  );
}
