/** Checks that ids are unique within their kind and that every reference points to something. */
import type { ProblemList } from '../problems.ts';
import type { Path } from '../schema-walk.ts';
import type { CheckedContent, Entry } from '../validate.ts';

type Located = { file: string; line: number };

/** `invalid` holds `kind:id` of entities that failed the schema: they exist, with errors of their own. */
export function checkReferences(c: CheckedContent, problems: ProblemList, invalid = new Set<string>()): void {
  const hall = c.hall;
  const at = (entry: Entry<unknown>, path: Path): Located => ({
    file: entry.doc.file,
    line: entry.doc.lineOf(path),
  });

  const unique = (kind: string, items: { id: string; where: Located }[]) => {
    const seen = new Map<string, Located>();
    for (const { id, where } of items) {
      const first = seen.get(id);
      if (first)
        problems.error(
          where.file,
          where.line,
          `duplicate ${kind} id "${id}": also used at ${first.file}:${first.line}`,
        );
      else seen.set(id, where);
    }
    return new Set(seen.keys());
  };
  const ids = <T extends { id: string }>(kind: string, entries: Entry<T>[]) => {
    const known = unique(
      kind,
      entries.map((e) => ({ id: e.value.id, where: at(e, ['id']) })),
    );
    for (const key of invalid) if (key.startsWith(`${kind}:`)) known.add(key.slice(kind.length + 1));
    return known;
  };

  const departments = ids('department', c.departments);
  const services = ids('service', c.services);
  void services;
  const fees = ids('fee', c.fees);
  const channels = ids('channel', c.channels);
  const notices = ids('notice', c.notices);
  const topics = unique(
    'topic',
    (hall?.value.topics ?? []).map((t, i) => ({ id: t.id, where: at(hall!, ['topics', i, 'id']) })),
  );
  const floors = unique(
    'floor',
    (hall?.value.floors ?? []).map((f, i) => ({ id: f.id, where: at(hall!, ['floors', i, 'id']) })),
  );
  const placeFloor = new Map<string, string>();
  unique(
    'place',
    (hall?.value.floors ?? []).flatMap((f, i) =>
      f.places.map((p, j) => {
        placeFloor.set(p.id, f.id);
        return { id: p.id, where: at(hall!, ['floors', i, 'places', j, 'id']) };
      }),
    ),
  );
  const ref = (
    entry: Entry<unknown>,
    path: Path,
    id: string | undefined,
    known: Set<string> | Map<string, string>,
    what: string,
    where: string,
  ) => {
    // Topics, floors and places live in hall.yaml: while it has errors they cannot be checked.
    if (
      id === undefined ||
      known.has(id) ||
      (!hall && (known === topics || known === floors || known === placeFloor))
    )
      return;
    const { file, line } = at(entry, path);
    problems.error(file, line, `${what} "${id}" does not exist: it should be the id of ${where}`);
  };
  const placeOnFloor = (
    entry: Entry<unknown>,
    path: Path,
    place: string | undefined,
    floor: string | undefined,
  ) => {
    ref(entry, path, place, placeFloor, 'place', 'a place under "floors" in hall.yaml');
    if (place && floor && placeFloor.has(place) && placeFloor.get(place) !== floor) {
      const { file, line } = at(entry, path);
      problems.error(
        file,
        line,
        `place "${place}" is on floor "${placeFloor.get(place)}", not on "${floor}"`,
      );
    }
  };

  // A place's label is kept inside its area (docs/maps-and-directory.md): an area that misses the place is a typo.
  (hall?.value.floors ?? []).forEach((f, i) =>
    f.places.forEach((p, j) => {
      const a = p.area;
      if (a && !(p.x >= a.x && p.x <= a.x + a.width && p.y >= a.y && p.y <= a.y + a.height)) {
        const { file, line } = at(hall!, ['floors', i, 'places', j, 'area']);
        problems.error(
          file,
          line,
          `place "${p.id}" at (${p.x}, ${p.y}) is outside its area (x ${a.x}–${a.x + a.width}, y ${a.y}–${a.y + a.height}): move the place or fix the area`,
        );
      }
    }),
  );
  for (const [device, place] of Object.entries(hall?.value.youAreHere ?? {})) {
    ref(hall!, ['youAreHere', device], place, placeFloor, 'place', 'a place under "floors" in hall.yaml');
  }
  for (const d of c.departments) {
    ref(
      d,
      ['parent'],
      d.value.parent,
      departments,
      'department',
      'a department (the "id" in departments/*.yaml)',
    );
    ref(d, ['location', 'floor'], d.value.location?.floor, floors, 'floor', 'a floor in hall.yaml');
    placeOnFloor(d, ['location', 'place'], d.value.location?.place, d.value.location?.floor);
  }
  checkTree(c, problems);
  for (const s of c.services) {
    const v = s.value;
    ref(
      s,
      ['department'],
      v.department,
      departments,
      'department',
      'a department (the "id" in departments/*.yaml)',
    );
    v.topics.forEach((t, i) => ref(s, ['topics', i], t, topics, 'topic', 'a topic in hall.yaml "topics"'));
    if (Array.isArray(v.fees))
      v.fees.forEach((f, i) => ref(s, ['fees', i], f, fees, 'fee', 'a fee in fees/'));
    ref(s, ['where', 'floor'], v.where?.floor, floors, 'floor', 'a floor in hall.yaml');
    placeOnFloor(s, ['where', 'place'], v.where?.place, v.where?.floor);
    v.complaints.forEach((ch, i) =>
      ref(s, ['complaints', i], ch, channels, 'channel', 'a channel in channels.yaml'),
    );
  }
  const attract = c.attract;
  if (attract) {
    const slides = unique(
      'slide',
      attract.value.slides.flatMap((s, i) =>
        s.id ? [{ id: s.id, where: at(attract, ['slides', i, 'id']) }] : [],
      ),
    );
    attract.value.slides.forEach((s, i) =>
      ref(
        attract,
        ['slides', i, 'notice'],
        s.notice,
        notices,
        'notice',
        'a notice (the "id" in notices/*.md)',
      ),
    );
    attract.value.schedule.forEach((part, i) =>
      part.slides.forEach((id, j) =>
        ref(
          attract,
          ['schedule', i, 'slides', j],
          id,
          slides,
          'slide',
          'a slide "id" under "slides" in attract.yaml',
        ),
      ),
    );
  }
}

/** A directory is a tree: no department may be its own ancestor. */
function checkTree(c: CheckedContent, problems: ProblemList): void {
  const parent = new Map(c.departments.map((d) => [d.value.id, d.value.parent]));
  for (const d of c.departments) {
    const seen = new Set<string>([d.value.id]);
    for (let p = d.value.parent; p !== undefined; p = parent.get(p)) {
      if (seen.has(p)) {
        problems.error(
          d.doc.file,
          d.doc.lineOf(['parent']),
          `department "${d.value.id}" is inside itself: its "parent" chain loops back through "${p}"`,
        );
        break;
      }
      seen.add(p);
    }
  }
}
