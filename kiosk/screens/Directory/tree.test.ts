import { describe, expect, it } from 'vitest';
import { departmentTree, type TreeNode } from './tree.ts';

type D = { id: string; parent?: string };
const shape = (nodes: TreeNode<D>[]): unknown[] =>
  nodes.map((n) => (n.children.length ? { [n.item.id]: shape(n.children) } : n.item.id));

describe('the department tree', () => {
  it.each([
    ['should keep departments without a parent as roots, in order', [{ id: 'a' }, { id: 'b' }], ['a', 'b']],
    [
      'should put a unit under its parent, wherever it is listed',
      [{ id: 'x', parent: 'p' }, { id: 'p' }, { id: 'q' }],
      [{ p: ['x'] }, 'q'],
    ],
    [
      'should nest more than one level',
      [{ id: 'a' }, { id: 'b', parent: 'a' }, { id: 'c', parent: 'b' }],
      [{ a: [{ b: ['c'] }] }],
    ],
    ['should show a unit whose parent is missing as a root', [{ id: 'x', parent: 'gone' }], ['x']],
    [
      'should still show departments caught in a cycle, once each',
      [
        { id: 'a', parent: 'b' },
        { id: 'b', parent: 'a' },
      ],
      [{ a: ['b'] }],
    ],
  ] as [string, D[], unknown[]][])('%s', (_name, items, expected) => {
    expect(shape(departmentTree(items))).toEqual(expected);
  });
});
