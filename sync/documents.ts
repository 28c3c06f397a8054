/** The schema each kind of bundle document must pass before a terminal stores it. */
import * as v from 'valibot';
import { DOCUMENT_SCHEMAS, type DocKindT, Manifest, type ManifestT } from '../content/bundle-format.ts';

const decode = (bytes: Uint8Array | ArrayBuffer): unknown => {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
};

/** Undefined when valid; otherwise what is wrong, in words. */
export function documentProblem(kind: DocKindT, bytes: Uint8Array): string | undefined {
  const result = v.safeParse(DOCUMENT_SCHEMAS[kind], decode(bytes));
  if (result.success) return undefined;
  const issue = result.issues[0];
  const at = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return `does not match the content schema${at ? ` at "${at}"` : ''}: ${issue.message}`;
}

export function parseManifest(bytes: Uint8Array | ArrayBuffer): ManifestT | undefined {
  const result = v.safeParse(Manifest, decode(bytes));
  return result.success ? result.output : undefined;
}

export function parseDocument(bytes: ArrayBuffer): unknown {
  return decode(bytes);
}
