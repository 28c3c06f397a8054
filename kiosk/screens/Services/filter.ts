/** Which services match a visitor's choice of topic, department and audience, and how many each choice offers. */

export type Audience = 'person' | 'business';
export type ServiceFilter = { topic?: string; department?: string; audience?: Audience };
type Filterable = { topics: string[]; department: string; audience: Audience[] };

/** Every condition chosen must hold; no choice at all matches every service. */
export function matches(service: Filterable, filter: ServiceFilter): boolean {
  return (
    (filter.topic === undefined || service.topics.includes(filter.topic)) &&
    (filter.department === undefined || service.department === filter.department) &&
    (filter.audience === undefined || service.audience.includes(filter.audience))
  );
}

export const matching = <S extends Filterable>(services: S[], filter: ServiceFilter): S[] =>
  services.filter((s) => matches(s, filter));

/**
 * The choices worth offering, in the order given, each with how many services it leads to for the audience
 * chosen. A choice that leads nowhere is left out, so no tap ends on an empty list.
 */
export function choices<C extends { id: string }>(
  all: C[],
  services: Filterable[],
  audience: Audience | undefined,
  key: 'topic' | 'department',
): { item: C; count: number }[] {
  return all
    .map((item) => ({ item, count: matching(services, { audience, [key]: item.id }).length }))
    .filter((c) => c.count > 0);
}
