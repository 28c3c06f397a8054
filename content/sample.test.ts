import { describe, expect, it } from 'vitest';
import { formatProblem } from './problems.ts';
import { validateFolder } from './validate.ts';

describe('the sample hall', () => {
  const { problems, content } = validateFolder('content/sample', { today: '2026-11-26' });

  it('should validate with no error', () => {
    expect(problems.errors.map(formatProblem)).toEqual([]);
  });

  it('should have no missing translation', () => {
    const gaps = problems.warnings.filter((w) => /translation|body: add/.test(w.message)).map(formatProblem);
    expect(gaps).toEqual([]);
  });

  it('should give every visitor-facing text its English form, and write money one way in English', () => {
    const gaps = problems.warnings
      .filter((w) => /has no .* form|has Chinese in it|writes money as/.test(w.message))
      .map(formatProblem);
    expect(gaps).toEqual([]);
  });

  it('should put every service in a topic, the ID card where visitors look for it, and say which are used most', () => {
    const c = content!;
    const topics = new Map(c.hall.value.topics.map((t) => [t.id, t.name]));
    expect(c.services.filter((s) => s.value.topics.length === 0).map((s) => s.value.id)).toEqual([]);
    const idCard = c.services.find((s) => s.value.id === 'id-card-replace')!.value;
    expect(idCard.topics.map((t) => (topics.get(t) as Record<string, string>)['zh-CN'])).toContain(
      '户籍·证件',
    );
    expect(c.services.filter((s) => s.value.popularity !== undefined).length).toBeGreaterThanOrEqual(8);
  });

  it('should have the size the issue asks for', () => {
    expect(content).toBeDefined();
    const c = content!;
    expect(c.departments.length).toBeGreaterThanOrEqual(12);
    expect(c.departments.some((d) => d.value.parent)).toBe(true);
    expect(c.services.length).toBeGreaterThanOrEqual(30);
    const audiences = new Set(c.services.flatMap((s) => s.value.audience));
    expect([...audiences].sort()).toEqual(['business', 'person']);
    expect(c.hall.value.topics.length).toBeGreaterThanOrEqual(6);
    expect(c.fees.length).toBeGreaterThanOrEqual(15);
    expect(c.fees.some((f) => f.doc.file.endsWith('.csv'))).toBe(true);
    expect(c.notices.length).toBeGreaterThanOrEqual(8);
    expect(c.notices.some((n) => n.value.attract)).toBe(true);
    expect(c.notices.some((n) => n.value.expires && n.value.expires < '2026-11-26')).toBe(true);
    expect(c.hall.value.floors.length).toBe(2);
    const channels = c.channels.map((ch) => ch.value.value);
    expect(channels).toEqual(expect.arrayContaining(['12345', '12315']));
    expect(c.channels.map((ch) => ch.value.kind)).toEqual(
      expect.arrayContaining(['hotline', 'mailbox', 'web', 'window']),
    );
    expect(c.services.some((s) => s.value.timeLimit?.promised?.immediate)).toBe(true);
  });

  it('should have flows with decisions and loops', () => {
    const flows = content!.services.flatMap((s) => (s.value.flow ? [s.value.flow] : []));
    expect(flows.filter((f) => f.nodes.some((n) => n.kind === 'decision')).length).toBeGreaterThanOrEqual(20);
    const index = (f: (typeof flows)[number]) => new Map(f.nodes.map((n, i) => [n.id, i]));
    // A loop: an edge back to a node listed earlier (材料不全 → 一次性告知补正 → back to submission).
    const loops = flows.filter((f) => f.edges.some((e) => index(f).get(e.to)! < index(f).get(e.from)!));
    expect(loops.length).toBeGreaterThanOrEqual(5);
  });
});
