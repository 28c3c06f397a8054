/** Where a service is handled: its windows, floor and place, falling back to its department's. */

type Where = { windows?: string[]; floor?: string; place?: string } | undefined;
type DepartmentWhere = { windows?: string[]; location?: { floor: string; place?: string } } | undefined;

/** The service's own windows and place win; what it leaves out comes from its department. */
export function serviceWhere(
  where: Where,
  department: DepartmentWhere,
): { windows: string[]; floor?: string; place?: string } {
  const windows = where?.windows?.length ? where.windows : (department?.windows ?? []);
  const place = where?.place ?? department?.location?.place;
  const floor = where?.floor ?? department?.location?.floor;
  return { windows, ...(floor ? { floor } : {}), ...(place ? { place } : {}) };
}

/**
 * The place of a window named only by its number (a flow step's `window: "17"`): the window place whose
 * name carries that number on its own, in any language. Undefined when none or more than one does.
 */
export function windowPlace<P extends { id: string; kind: string; name: string | Record<string, string> }>(
  places: P[],
  number: string,
): P | undefined {
  const wanted = number.replace(/[^0-9A-Za-z]/g, '');
  if (!wanted) return undefined;
  // The number stands alone: window 1 is not window 11, nor window A the A in "Accessible".
  const digits = new RegExp(`(^|[^0-9A-Za-z])${wanted}([^0-9A-Za-z]|$)`, 'i');
  const names = (p: P) => (typeof p.name === 'string' ? [p.name] : Object.values(p.name));
  const found = places.filter((p) => p.kind === 'window' && names(p).some((n) => digits.test(n)));
  return found.length === 1 ? found[0] : undefined;
}
