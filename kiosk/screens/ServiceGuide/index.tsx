/** Placeholder until built: one service guide. */
import { useApp } from '../../app/context.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';

export function ServiceGuide({ id }: { id: string }) {
  const { view } = useApp();
  const service = view.service(id);
  return <ScreenTitle title={service ? view.text.value(service.name) : id} />;
}
