/** Finding a service (to be grown into topic, department and audience browsing): every service in force. */
import { useApp } from '../../app/context.ts';
import type { Screen } from '../../app/screens.ts';
import { ListButton } from '../../ui/ListButton.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';

export function ServiceFinder(_props: { screen: Extract<Screen, { name: 'services' }> }) {
  const { view, visit } = useApp();
  const text = view.text.value;
  return (
    <>
      <ScreenTitle title="办事指南" />
      <ul class="plain-list" aria-label="services">
        {view.services.value.map((s) => (
          <li key={s.id}>
            <ListButton title={text(s.name)} onClick={() => visit.go({ name: 'service', id: s.id })} />
          </li>
        ))}
      </ul>
    </>
  );
}
