import { describe, expect, it } from 'vitest';
import { type Audience, choices, matching, type ServiceFilter } from './filter.ts';

const services = [
  { id: 'birth', topics: ['birth'], department: 'health', audience: ['person'] as Audience[] },
  { id: 'house', topics: ['housing'], department: 'estate', audience: ['person'] as Audience[] },
  { id: 'firm', topics: ['business-start'], department: 'market', audience: ['business'] as Audience[] },
  {
    id: 'maternity',
    topics: ['birth', 'social'],
    department: 'insurance',
    audience: ['person', 'business'] as Audience[],
  },
];
const ids = (filter: ServiceFilter) => matching(services, filter).map((s) => s.id);

describe('finding services', () => {
  it.each([
    ['should show every service when nothing is chosen', {}, ['birth', 'house', 'firm', 'maternity']],
    ['should show the services of a topic', { topic: 'birth' }, ['birth', 'maternity']],
    ['should show the services of a department', { department: 'estate' }, ['house']],
    ['should show services for businesses', { audience: 'business' }, ['firm', 'maternity']],
    ['should combine a topic with an audience', { topic: 'birth', audience: 'business' }, ['maternity']],
    ['should find nothing for a topic nobody serves', { topic: 'travel' }, []],
  ] as [string, ServiceFilter, string[]][])('%s', (_name, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('should offer only topics that lead somewhere, with their counts, in the hall order', () => {
    const topics = [{ id: 'travel' }, { id: 'birth' }, { id: 'housing' }, { id: 'business-start' }];
    expect(choices(topics, services, undefined, 'topic').map((c) => [c.item.id, c.count])).toEqual([
      ['birth', 2],
      ['housing', 1],
      ['business-start', 1],
    ]);
  });

  it('should count the choices for the audience chosen', () => {
    const departments = [{ id: 'health' }, { id: 'market' }, { id: 'insurance' }];
    expect(choices(departments, services, 'business', 'department').map((c) => c.item.id)).toEqual([
      'market',
      'insurance',
    ]);
  });
});
