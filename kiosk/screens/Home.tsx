/** Until the full screens exist: the hall's departments and services, each service one tap away. */
import type { ActiveContent } from '../../sync/index.ts';
import type { NavigationModel } from '../models/navigation-model.ts';
import type { TextOf } from './text.ts';

export function Home({ content, text, nav }: { content: ActiveContent; text: TextOf; nav: NavigationModel }) {
  return (
    <main>
      <h1>{text(content.hall.name)}</h1>
      <h2>部门 Departments ({content.departments.length})</h2>
      <ul aria-label="departments">
        {content.departments.map((d) => (
          <li key={d.id}>{text(d.name)}</li>
        ))}
      </ul>
      <h2>办事指南 Services ({content.services.length})</h2>
      <ul aria-label="services" class="buttons">
        {content.services.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => nav.open({ name: 'service', id: s.id })}>
              {text(s.name)}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
