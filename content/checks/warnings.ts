/** Warnings: content that is valid but probably not what staff meant. */
import type { ProblemList } from '../problems.ts';
import type { CheckedContent } from '../validate.ts';

/** `alsoCharged`: fee ids named by services that failed the schema (they have errors of their own). */
export function checkWarnings(
  c: CheckedContent,
  problems: ProblemList,
  today: string,
  alsoCharged = new Set<string>(),
): void {
  const charged = new Set(c.services.flatMap((s) => (Array.isArray(s.value.fees) ? s.value.fees : [])));
  for (const id of alsoCharged) charged.add(id);
  for (const f of c.fees) {
    if (!charged.has(f.value.id))
      problems.warning(f.doc.file, f.doc.lineOf(['id']), `fee "${f.value.id}" is not charged by any service`);
  }
  for (const n of c.notices) {
    if (n.value.expires && n.value.expires < today) {
      problems.warning(
        n.doc.file,
        n.doc.lineOf(['expires']),
        `notice "${n.value.id}" expired on ${n.value.expires} and is not shown`,
      );
    }
  }
  for (const s of c.services) {
    const { statutory, promised } = s.value.timeLimit ?? {};
    if (s.value.expires && s.value.expires < today) {
      problems.warning(
        s.doc.file,
        s.doc.lineOf(['expires']),
        `service "${s.value.id}" expired on ${s.value.expires} and is not shown`,
      );
    }
    if (
      statutory?.days &&
      promised?.days &&
      statutory.unit === promised.unit &&
      promised.days > statutory.days
    ) {
      problems.warning(
        s.doc.file,
        s.doc.lineOf(['timeLimit', 'promised']),
        'the promised time is longer than the statutory time',
      );
    }
  }
}
