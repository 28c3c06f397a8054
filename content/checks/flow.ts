/** Checks each service's procedure graph against the rules in content-model.md, naming the node at fault. */
import type { ProblemList } from '../problems.ts';
import type { CheckedContent } from '../validate.ts';

export function checkFlows(c: CheckedContent, problems: ProblemList): void {
  for (const s of c.services) {
    const flow = s.value.flow;
    if (!flow) continue;
    const { file, lineOf } = s.doc;
    const err = (path: (string | number)[], message: string) =>
      problems.error(file, lineOf(['flow', ...path]), message);
    const index = new Map<string, number>();
    flow.nodes.forEach((n, i) => {
      if (index.has(n.id)) err(['nodes', i, 'id'], `flow step "${n.id}" is defined twice`);
      else index.set(n.id, i);
    });
    const out = new Map<string, string[]>();
    const into = new Map<string, string[]>();
    flow.edges.forEach((e, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!index.has(e[end]))
          err(['edges', i, end], `flow edge ${end} "${e[end]}": there is no flow step with that id`);
      }
      out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
      into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
    });
    const starts = flow.nodes.filter((n) => n.kind === 'start');
    const ends = flow.nodes.filter((n) => n.kind === 'end');
    if (starts.length === 0) err(['nodes'], 'the flow has no step of kind "start": it needs exactly one');
    starts
      .slice(1)
      .forEach((n) =>
        err(['nodes', index.get(n.id)!], `flow step "${n.id}" is a second "start": a flow has exactly one`),
      );
    if (ends.length === 0) err(['nodes'], 'the flow has no step of kind "end": it needs at least one');

    const fromStart = reach(
      starts.slice(0, 1).map((n) => n.id),
      out,
    );
    const toEnd = reach(
      ends.map((n) => n.id),
      into,
    );
    flow.nodes.forEach((n, i) => {
      const line = ['nodes', i];
      if (starts.length > 0 && !fromStart.has(n.id))
        err(line, `flow step "${n.id}" cannot be reached from the start: add an edge to it`);
      if (ends.length > 0 && !toEnd.has(n.id)) {
        err(line, `flow step "${n.id}" never leads to an end: a dead end, or a loop with no way out`);
      }
      if (n.kind === 'decision') {
        const edges = flow.edges.map((e, j) => ({ e, j })).filter(({ e }) => e.from === n.id);
        if (edges.length < 2)
          err(line, `decision "${n.id}" needs two or more outgoing edges, one for each answer`);
        for (const { j } of edges.filter(({ e }) => e.label === undefined)) {
          err(
            ['edges', j],
            `the edge from decision "${n.id}" needs a "label" saying which answer it is (like 材料不全)`,
          );
        }
      }
    });
  }
}

function reach(from: string[], next: Map<string, string[]>): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
