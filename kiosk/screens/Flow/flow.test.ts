import { describe, expect, it } from 'vitest';
import { fitColumns, inColumns } from './columns.ts';
import { fitWidth, keepInView, pinch, type View, zoomAbout } from './pan-zoom.ts';
import { followsOn, orderSteps } from './steps.ts';

describe('the procedure as a list', () => {
  // The second-hand home transfer of the sample hall: a loop back for missing documents, two endings.
  const nodes = [
    { id: 'start', kind: 'start' },
    { id: 'submit', kind: 'step' },
    { id: 'check', kind: 'decision' },
    { id: 'fix', kind: 'step' },
    { id: 'accept', kind: 'step' },
    { id: 'review', kind: 'decision' },
    { id: 'refuse', kind: 'end' },
    { id: 'record', kind: 'step' },
    { id: 'done', kind: 'end' },
  ];
  const edges = [
    { from: 'start', to: 'submit' },
    { from: 'submit', to: 'check' },
    { from: 'check', to: 'fix', label: 'missing' },
    { from: 'fix', to: 'submit', label: 'resubmit' },
    { from: 'check', to: 'accept', label: 'complete' },
    { from: 'accept', to: 'review' },
    { from: 'review', to: 'refuse', label: 'refused' },
    { from: 'review', to: 'record', label: 'passed' },
    { from: 'record', to: 'done' },
  ];
  const steps = orderSteps(nodes, edges);

  it('should number the steps breadth-first from the start', () => {
    expect(steps.map((s) => s.node.id)).toEqual([
      'start',
      'submit',
      'check',
      'fix',
      'accept',
      'review',
      'refuse',
      'record',
      'done',
    ]);
  });

  it('should give a decision its labelled branches with the steps they lead to', () => {
    expect(steps[2]!.next).toEqual([
      { to: 'fix', number: 4, label: 'missing', back: false },
      { to: 'accept', number: 5, label: 'complete', back: false },
    ]);
  });

  it('should mark a way back to an earlier step', () => {
    expect(steps[3]!.next).toEqual([{ to: 'submit', number: 2, label: 'resubmit', back: true }]);
  });

  it('should leave an ending with nowhere to go', () => {
    expect(steps[8]!.next).toEqual([]);
  });

  it('should start from the start even when it is not written first', () => {
    const order = orderSteps(
      [
        { id: 'b', kind: 'end' },
        { id: 'a', kind: 'start' },
      ],
      [{ from: 'a', to: 'b' }],
    );
    expect(order.map((s) => s.node.id)).toEqual(['a', 'b']);
  });

  it('should still list a step the walk cannot reach, last', () => {
    const order = orderSteps(
      [
        { id: 'a', kind: 'start' },
        { id: 'lost', kind: 'step' },
        { id: 'b', kind: 'end' },
      ],
      [{ from: 'a', to: 'b' }],
    );
    expect(order.map((s) => s.node.id)).toEqual(['a', 'b', 'lost']);
  });

  it.each([
    ['should need no words when a step simply leads to the next', 0, true],
    ['should name the branches of a decision', 2, false],
    ['should name a way back', 3, false],
    ['should need no words for the last step before the ending', 7, true],
    ['should have nothing to say after an ending', 6, false],
  ])('%s', (_name, index, expected) => {
    expect(followsOn(steps[index]!)).toBe(expected);
  });

  it('should name a jump past the next step', () => {
    const order = orderSteps(
      [
        { id: 'a', kind: 'start' },
        { id: 'b', kind: 'step' },
        { id: 'c', kind: 'step' },
        { id: 'd', kind: 'end' },
      ],
      [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'd' },
        { from: 'c', to: 'd' },
      ],
    );
    expect(order.map((s) => [s.node.id, followsOn(s)])).toEqual([
      ['a', false],
      ['b', false],
      ['c', true],
      ['d', false],
    ]);
  });
});

describe('panning and zooming a large chart', () => {
  const near = (v: View, w: View) => {
    expect(v.k).toBeCloseTo(w.k);
    expect(v.x).toBeCloseTo(w.x);
    expect(v.y).toBeCloseTo(w.y);
  };

  it('should fit the width of a wide chart, centred and top aligned', () => {
    near(fitWidth({ width: 2000, height: 3000 }, { width: 1000, height: 800 }, 1.2), { k: 0.5, x: 0, y: 0 });
  });

  it('should not blow a narrow chart up beyond the largest scale', () => {
    near(fitWidth({ width: 500, height: 500 }, { width: 1000, height: 800 }, 1.2), { k: 1.2, x: 200, y: 0 });
  });

  it('should keep the point zoomed about under the finger', () => {
    const v = zoomAbout({ k: 1, x: 10, y: 20 }, 2, { x: 110, y: 220 }, 0.2, 4);
    // The chart point (100, 200) was at (110, 220) and must stay there.
    expect(100 * v.k + v.x).toBeCloseTo(110);
    expect(200 * v.k + v.y).toBeCloseTo(220);
  });

  it('should not zoom beyond its limits', () => {
    expect(zoomAbout({ k: 3, x: 0, y: 0 }, 10, { x: 0, y: 0 }, 0.2, 4).k).toBe(4);
    expect(zoomAbout({ k: 0.3, x: 0, y: 0 }, 0.1, { x: 0, y: 0 }, 0.2, 4).k).toBe(0.2);
  });

  it('should scale by how far the fingers spread and follow their midpoint', () => {
    const start = { k: 1, x: 0, y: 0 };
    const v = pinch(
      start,
      { x: 100, y: 100 },
      { x: 200, y: 100 },
      { x: 50, y: 150 },
      { x: 250, y: 150 },
      0.2,
      4,
    );
    expect(v.k).toBeCloseTo(2);
    // The chart point under the first midpoint (150, 100) is now under the new midpoint (150, 150).
    expect(150 * v.k + v.x).toBeCloseTo(150);
    expect(100 * v.k + v.y).toBeCloseTo(150);
  });

  it('should pan with two fingers moving together without zooming', () => {
    const v = pinch(
      { k: 1, x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 30, y: 40 },
      { x: 130, y: 40 },
      0.2,
      4,
    );
    near(v, { k: 1, x: 30, y: 40 });
  });

  it('should never let the chart be dragged out of sight', () => {
    const v = keepInView(
      { k: 1, x: -5000, y: 9000 },
      { width: 1000, height: 1000 },
      { width: 800, height: 600 },
    );
    expect(v.x + 1000).toBeGreaterThanOrEqual(120);
    expect(v.y).toBeLessThanOrEqual(600 - 120);
  });
});

describe('a tall chart set in columns', () => {
  // Six steps one under the other, 200 × 80 each, 60 apart; a loop from the last back to the second.
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const nodes = Object.fromEntries(ids.map((id, i) => [id, { x: 116, y: 56 + i * 140, w: 200, h: 80 }]));
  const chain = ids.slice(1).map((to, i) => ({
    from: ids[i]!,
    to,
    points: [
      { x: 116, y: 96 + i * 140 },
      { x: 116, y: 156 + i * 140 },
    ],
    back: false,
  }));
  const loop = { from: 'f', to: 'b', points: [{ x: 16, y: 756 }], back: true, label: { x: 16, y: 500 } };
  const tall = { width: 232, height: 812, nodes, edges: [...chain, loop] };

  it('should move the lower half of the ranks into a second column beside the first', () => {
    const set = inColumns(tall, 2, ['', '', '', '', '', 'again']);
    expect(set.nodes.d!.y).toBeLessThan(tall.nodes.d!.y);
    expect(set.nodes.d!.x).toBeGreaterThan(set.nodes.c!.x + 200);
    // Shorter by far, with room under the columns for the loop's label ("again") on its line.
    expect(set.height).toBeLessThan(tall.height * 0.8);
    // No two nodes overlap.
    const boxes = Object.values(set.nodes);
    for (const p of boxes)
      for (const q of boxes)
        if (p !== q)
          expect(Math.abs(p.x - q.x) >= (p.w + q.w) / 2 || Math.abs(p.y - q.y) >= (p.h + q.h) / 2).toBe(true);
  });

  it('should route an edge that changes column from the bottom of one node into the top of the other', () => {
    const set = inColumns(tall, 2);
    const across = set.edges.find((e) => e.from === 'c' && e.to === 'd')!;
    const [c, d] = [set.nodes.c!, set.nodes.d!];
    expect(across.points[0]).toEqual({ x: c.x, y: c.y + c.h / 2 });
    expect(across.points.at(-1)).toEqual({ x: d.x, y: d.y - d.h / 2 });
    // A loop back stays a loop back.
    expect(set.edges.find((e) => e.from === 'f')!.back).toBe(true);
  });

  it('should give one column back as it was', () => {
    expect(inColumns(tall, 1)).toBe(tall);
  });

  it('should pick two columns for a wide, short frame and one for a narrow, tall one', () => {
    expect(fitColumns(tall, { width: 1800, height: 500 }, 1.25).layout.width).toBeGreaterThan(tall.width);
    expect(fitColumns(tall, { width: 300, height: 1500 }, 1.25).layout).toBe(tall);
  });

  it('should not cut between a check and its labelled branches', () => {
    // a → b → check c → (yes) d, (no) e, side by side on one rank → f → h: the middle of its height is right
    // under c, so a cut by height alone would part c from both its branches.
    const at = (x: number, y: number) => ({ x, y, w: 200, h: 80 });
    const nodes = {
      a: at(116, 56),
      b: at(116, 196),
      c: at(226, 336),
      d: at(116, 476),
      e: at(336, 476),
      f: at(116, 616),
      h: at(116, 756),
    };
    const edge = (from: string, to: string, label?: { x: number; y: number }) => ({
      from,
      to,
      points: [
        { x: nodes[from as 'a']!.x, y: nodes[from as 'a']!.y + 40 },
        { x: nodes[to as 'a']!.x, y: nodes[to as 'a']!.y - 40 },
      ],
      back: false,
      ...(label ? { label } : {}),
    });
    const chart = {
      width: 470,
      height: 812,
      nodes,
      edges: [
        edge('a', 'b'),
        edge('b', 'c'),
        edge('c', 'd', { x: 150, y: 406 }),
        edge('c', 'e', { x: 300, y: 406 }),
        edge('d', 'f'),
        edge('f', 'h'),
      ],
    };
    const set = inColumns(chart, 2, ['', '', 'yes', 'no', '', '']);
    // Set in two columns, and the check moved with both its branches (one shift for all three).
    expect(set.width).toBeGreaterThan(chart.width);
    const shift = (id: 'c' | 'd' | 'e') => [
      set.nodes[id]!.x - chart.nodes[id].x,
      set.nodes[id]!.y - chart.nodes[id].y,
    ];
    expect(shift('d')).toEqual(shift('c'));
    expect(shift('e')).toEqual(shift('c'));
  });

  it('should bring a line into a step lower in its column from the side, not down through the steps above it', () => {
    const set = inColumns(tall, 2);
    const loop = set.edges.find((e) => e.from === 'f')!;
    const b = set.nodes.b!;
    const last = loop.points.at(-1)!;
    expect(last.y).toBe(b.y);
    expect(Math.abs(last.x - b.x)).toBe(b.w / 2);
    // Nothing of the line passes through another step.
    const boxes = Object.entries(set.nodes).filter(([id]) => id !== 'b' && id !== 'f');
    for (let i = 1; i < loop.points.length; i++) {
      const [p, q] = [loop.points[i - 1]!, loop.points[i]!];
      for (const [, n] of boxes) {
        const inX = Math.max(p.x, q.x) > n.x - n.w / 2 && Math.min(p.x, q.x) < n.x + n.w / 2;
        const inY = Math.max(p.y, q.y) > n.y - n.h / 2 && Math.min(p.y, q.y) < n.y + n.h / 2;
        expect(inX && inY).toBe(false);
      }
    }
  });
});
