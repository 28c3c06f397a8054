/** Turns a schema issue into words a member of staff can act on. */
import type * as v from 'valibot';
import type { Path } from './schema-walk.ts';

const FRIENDLY: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Array: 'a list (lines starting with "- ")',
  Object: 'a set of fields (name: value)',
  never: 'nothing',
  true: 'true',
};

const friendly = (expected: string | null): string => {
  if (!expected) return 'something else';
  expected = expected.replace(/^\((.*)\)$/, '$1');
  if (expected in FRIENDLY) return FRIENDLY[expected]!;
  const options = expected.split(' | ');
  if (options.every((o) => o.startsWith('"'))) return `one of ${options.join(', ')}`;
  return options.map((o) => FRIENDLY[o] ?? o).join(' or ');
};

const isDefault = (message: string) => message.startsWith('Invalid ');

export function describeIssue(issue: v.BaseIssue<unknown>, csv = false): { path: Path; message: string } {
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  // A CSV row has one basis: its columns are named without the list index.
  const shown = csv ? path.filter((k) => typeof k === 'string') : path;
  const name = path.length > 0 ? `"${shown.join('.')}"` : 'this';
  const field = csv ? 'column' : 'field';
  if (issue.kind === 'schema' && issue.expected === 'never' && path.length > 0) {
    return { path, message: `unknown ${field} ${name}: check its spelling, or remove it` };
  }
  if (issue.kind === 'schema' && issue.received === 'undefined') {
    return { path, message: `missing required ${field} ${name}` };
  }
  if (isDefault(issue.message)) {
    return { path, message: `${name} should be ${friendly(issue.expected)}, but is ${issue.received}` };
  }
  return { path, message: `${name} ${issue.message}` };
}
