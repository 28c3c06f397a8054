/** Until the full guide exists: what to bring and where to go for one service. */
import type { ActiveContent } from '../../sync/index.ts';
import type { NavigationModel } from '../models/navigation-model.ts';
import type { TextOf } from './text.ts';

export function ServiceGuide({
  id,
  content,
  text,
  nav,
}: {
  id: string;
  content: ActiveContent;
  text: TextOf;
  nav: NavigationModel;
}) {
  const service = content.services.find((s) => s.id === id);
  if (!service) {
    nav.home();
    return null;
  }
  const department = content.departments.find((d) => d.id === service.department);
  return (
    <main>
      <h1>{text(service.name)}</h1>
      {department && <p>{text(department.name)}</p>}
      <h2>带齐这些材料 What to bring</h2>
      <ul aria-label="materials">
        {service.materials.map((m) => (
          <li key={text(m.name)}>{text(m.name)}</li>
        ))}
      </ul>
      {service.where && service.where.windows.length > 0 && (
        <h2>到 {service.where.windows.join('、')} 号窗口</h2>
      )}
      <button type="button" class="home" onClick={() => nav.home()}>
        返回首页 Home
      </button>
    </main>
  );
}
