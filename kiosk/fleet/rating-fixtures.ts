/** For the rating tests: the sample hall as a terminal holds it, and ratings of it. */
import { buildBundle } from '../../content/bundle.ts';
import type { Department, Hall, Service } from '../../content/schema.ts';
import { validateFolder } from '../../content/validate.ts';
import type { Rating } from '../../fleet/protocol.ts';
import type { ActiveContent } from '../../sync/index.ts';

let built: ActiveContent | undefined;
/** content/sample built as publish builds it, as version 7 (the fields a catalogue reads). */
export function sampleContent(): ActiveContent {
  if (built) return built;
  const { content, problems } = validateFolder('content/sample', { today: '2026-12-04' });
  if (!content) throw new Error(`content/sample does not validate: ${problems.errors.length} error(s)`);
  const bundle = buildBundle(content);
  const values = <T>(kind: string) =>
    bundle.documents.filter((d) => d.kind === kind).map((d) => d.value as T);
  built = {
    version: 7,
    hall: values<Hall>('hall')[0]!,
    services: values<Service>('service'),
    departments: values<Department>('department'),
  } as unknown as ActiveContent;
  return built;
}

let made = 0;
/** A rating of the sample hall's birth registration guide, at a fixed time; `change` for the rest. */
export function rating(change: Partial<Rating> = {}): Rating {
  made += 1;
  return {
    id: `rating-${String(made).padStart(6, '0')}`,
    at: new Date(Date.parse('2026-12-04T02:00:00Z') + made * 1000).toISOString(),
    subject: 'guide',
    hall: 'shili-center',
    contentVersion: 7,
    service: 'birth-registration',
    level: 5,
    reasons: [],
    locale: 'zh-CN',
    ...change,
  };
}
