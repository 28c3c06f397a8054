/** Departments as a tree (a parent and the units under it), keeping the content's order. */

export type TreeNode<T> = { item: T; children: TreeNode<T>[] };

/**
 * Roots are departments with no parent or a parent that is missing. The validator refuses cycles, but a
 * department caught in one is still shown, as a root, rather than silently dropped.
 */
export function departmentTree<T extends { id: string; parent?: string | undefined }>(
  items: T[],
): TreeNode<T>[] {
  const ids = new Set(items.map((d) => d.id));
  const placed = new Set<string>();
  const build = (item: T): TreeNode<T> => {
    placed.add(item.id);
    return {
      item,
      children: items.filter((c) => c.parent === item.id && !placed.has(c.id)).map(build),
    };
  };
  const roots = items.filter((d) => d.parent === undefined || !ids.has(d.parent)).map(build);
  for (const d of items) if (!placed.has(d.id)) roots.push(build(d));
  return roots;
}
