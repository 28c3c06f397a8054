/** The kiosk's entry: until the screens exist, a plain page listing the active bundle's departments and services. */
import { render } from 'preact';
import { resolveText } from '../content/localized.ts';
import type { Department, Hall, Service } from '../content/schema.ts';
import { fetchBundle, type LoadedBundle } from '../sync/fetch-bundle.ts';
import { readSettings } from './config.ts';

function BundleList({ bundle }: { bundle: LoadedBundle }) {
  const { defaultLocale } = bundle.manifest;
  const text = (t: Parameters<typeof resolveText>[0]) => resolveText(t, defaultLocale, defaultLocale);
  const of = <T,>(kind: string) => bundle.documents.filter((d) => d.kind === kind).map((d) => d.value as T);
  const hall = of<Hall>('hall')[0];
  const departments = of<Department>('department');
  const services = of<Service>('service');
  return (
    <main>
      <h1>{hall ? text(hall.name) : ''}</h1>
      <h2>部门 Departments ({departments.length})</h2>
      <ul aria-label="departments">
        {departments.map((d) => (
          <li key={d.id}>{text(d.name)}</li>
        ))}
      </ul>
      <h2>办事指南 Services ({services.length})</h2>
      <ul aria-label="services">
        {services.map((s) => (
          <li key={s.id}>{text(s.name)}</li>
        ))}
      </ul>
      <footer>
        内容版本 Content version {bundle.channel.version} · {bundle.channel.published.slice(0, 10)}
      </footer>
    </main>
  );
}

async function boot(): Promise<void> {
  const app = document.getElementById('app')!;
  const result = await fetchBundle(readSettings(location));
  if (result.ok) render(<BundleList bundle={result.value} />, app);
  else
    render(
      <p class="status error" role="alert">
        无法载入内容 Content could not be loaded: {result.reason}
      </p>,
      app,
    );
}

void boot();
