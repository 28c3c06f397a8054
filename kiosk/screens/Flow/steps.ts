/** The procedure as an ordered list: steps in breadth-first order from the start, each with where it leads. */

type Node = { id: string; kind: string };
type Edge<L> = { from: string; to: string; label?: L };

export type Branch<L> = { to: string; number: number; label?: L; back: boolean };
export type OrderedStep<N, L> = { node: N; number: number; next: Branch<L>[] };

/**
 * Numbers the nodes breadth-first from the start (edges in the order written), so a reader meets each step
 * before the steps it leads to; nodes the walk cannot reach (a flow that does not validate) come last.
 * A branch is `back` when it returns to a step already numbered, as a loop does.
 */
export function orderSteps<N extends Node, L>(nodes: N[], edges: Edge<L>[]): OrderedStep<N, L>[] {
  const start = nodes.find((n) => n.kind === 'start') ?? nodes[0];
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = start ? [start.id] : [];
  if (start) seen.add(start.id);
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const e of edges) {
      if (e.from === id && !seen.has(e.to) && nodes.some((n) => n.id === e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  for (const n of nodes) if (!seen.has(n.id)) order.push(n.id);
  const number = new Map(order.map((id, i) => [id, i + 1]));
  return order.map((id) => {
    const node = nodes.find((n) => n.id === id)!;
    const own = number.get(id)!;
    const next = edges
      .filter((e) => e.from === id && number.has(e.to))
      .map((e) => {
        const to = number.get(e.to)!;
        return {
          to: e.to,
          number: to,
          ...(e.label !== undefined ? { label: e.label } : {}),
          back: to <= own,
        };
      });
    return { node, number: own, next };
  });
}

/** Whether a step's only way on is simply the next step in the list, which needs no words. */
export const followsOn = (step: { number: number; next: { number: number; label?: unknown }[] }): boolean =>
  step.next.length === 1 && step.next[0]!.number === step.number + 1 && step.next[0]!.label === undefined;
