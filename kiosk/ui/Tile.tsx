/** A large entry on the home screen: icon, title and a one-line hint. */
import { Icon, type IconName } from './Icon.tsx';

export function Tile({
  icon,
  title,
  hint,
  onClick,
}: {
  icon: IconName;
  title: string;
  hint?: string;
  onClick: () => void;
}) {
  return (
    <button type="button" class="tile" onClick={onClick}>
      <Icon name={icon} size={48} />
      <span class="tile-title">{title}</span>
      {hint && <span class="tile-hint">{hint}</span>}
    </button>
  );
}
