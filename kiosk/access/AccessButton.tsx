/** The dock's accessibility button: one tap from every screen opens the sheet of modes. */
import { useApp, useT } from '../app/context.ts';
import { Icon } from '../ui/Icon.tsx';

export function AccessButton() {
  const { access } = useApp();
  const t = useT('access');
  const open = access.panelOpen.value;
  return (
    <button
      type="button"
      class="dock-button dock-access"
      aria-expanded={open}
      aria-controls="access-sheet"
      onClick={() => {
        access.panelOpen.value = !open;
      }}
    >
      <Icon name="access" /> {t('open')}
    </button>
  );
}
