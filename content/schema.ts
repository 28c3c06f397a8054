/**
 * The content schema: the single definition of content-model.md, from which every type is inferred.
 *
 * It is written once as `defineSchemas(markdown, extras)` and instantiated twice: `Source` validates
 * what staff write (Markdown as text), `Bundle` validates what a kiosk receives (Markdown compiled to a
 * safe rich-text tree, flows with their layout). Valibot validates without `eval`, so the same schemas
 * run under the kiosk's strict Content-Security-Policy, and tree-shake to a few kilobytes.
 * This file is longer than most because it is the whole contract in one place.
 */
import * as v from 'valibot';
import { isTimeZone } from './hall-time.ts';
import { MAX_RATING_REASONS, RATING_PLACES } from './ratings.ts';
import { LIST_OF, LOCALIZED, MARKDOWN, NEUTRAL } from './schema-marks.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const Id = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'an id may use only lower-case letters, digits and "-" (like "real-estate-transfer")'),
);
export const LocaleTag = v.pipe(
  v.string(),
  v.regex(LOCALE_PATTERN, 'a language tag looks like "zh-CN" or "en"'),
);

/** (L) text: a plain string in the default locale, or a map from locale to string. */
export const Localized = v.union(
  [v.pipe(v.string(), v.nonEmpty('must not be empty')), v.record(LocaleTag, v.string())],
  'should be text, or a map from language to text like { zh-CN: …, en: … }',
);
LOCALIZED.add(Localized);

/**
 * (L) text that may be the same in every language: a number, a phone number, a web or e-mail address, a code
 * written once (`"12345"`, `https://…`); or, when it has words, a map from language to text like (L)
 * (`{ zh-CN: 第十一条, en: Article 11 }`, an address, an official's name with its pinyin). A plain text with
 * Chinese in it is read as Chinese: the validator warns that the other languages lack their form.
 */
export const NeutralOrLocalized = v.union(
  [
    v.pipe(v.number(), v.transform(String)),
    v.pipe(v.string(), v.nonEmpty('must not be empty')),
    v.record(LocaleTag, v.string()),
  ],
  'should be text, or a map from language to text like { zh-CN: …, en: … }',
);
LOCALIZED.add(NeutralOrLocalized);
NEUTRAL.add(NeutralOrLocalized);

/** (Md) text as staff write it: (L) text whose strings are Markdown. */
export const MarkdownSource = v.union(
  [v.string(), v.record(LocaleTag, v.string())],
  'should be Markdown text, or a map from language to Markdown text',
);
LOCALIZED.add(MarkdownSource);
MARKDOWN.add(MarkdownSource);

export const RICH_TAGS = [
  'p',
  'h2',
  'h3',
  'h4',
  'em',
  'strong',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'th',
  'td',
  'a',
  'br',
] as const;
export type RichTag = (typeof RICH_TAGS)[number];
/** Rich text as a kiosk receives it: a tree of allowed nodes, never HTML. A string is a text node. */
export type RichNode = string | { t: RichTag; href?: string; c?: RichNode[] };
export const RichNodeSchema: v.GenericSchema<RichNode> = v.union([
  v.string(),
  v.strictObject({
    t: v.picklist(RICH_TAGS),
    href: v.optional(v.string()),
    c: v.optional(v.array(v.lazy(() => RichNodeSchema))),
  }),
]);
/** (Md) text in a bundle: each locale's Markdown compiled to a rich-text tree. */
export const RichTextByLocale = v.record(LocaleTag, v.array(RichNodeSchema));

/** Numbers written without quotes (phone numbers, window numbers, document numbers) are read as text. */
export const Text = v.pipe(v.union([v.string(), v.number()], 'should be text'), v.transform(String));
/** One item or a list of them; read as a list, with errors pointing inside the item. */
const listOf = <T extends v.GenericSchema>(item: T) => {
  const schema = v.pipe(
    v.unknown(),
    v.transform((x): unknown[] => (Array.isArray(x) ? x : [x])),
    v.array(item),
  );
  LIST_OF.set(schema, item);
  return schema;
};

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};
export const DateText = v.pipe(
  v.string('should be a date written YYYY-MM-DD'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'should be a date written YYYY-MM-DD, like 2026-03-01'),
  v.check(isRealDate, 'is not a date that exists in the calendar'),
);
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d';
export const Time = v.pipe(
  v.string('should be a time written HH:MM'),
  v.regex(new RegExp(`^${TIME}$`), 'should be a time written HH:MM, like 08:30'),
);
export const Period = v.pipe(
  v.string('should be opening hours written HH:MM-HH:MM'),
  v.regex(
    new RegExp(`^${TIME}-(?:${TIME}|24:00)$`),
    'should be opening hours written HH:MM-HH:MM, like 09:00-12:00',
  ),
  v.check((p) => p.slice(0, 5) < p.slice(6), 'closes before it opens'),
);
/** An IANA zone name the engine knows; absent, the hall reads its times in DEFAULT_TIME_ZONE (hall-time.ts). */
const IANA_NAME = /^[A-Za-z][\w+-]*(?:\/[\w+-]+)*$/;
export const TimeZone = v.pipe(
  v.string('should be an IANA time zone name, like Asia/Shanghai'),
  // Engines also take offsets like +08:00, but an offset has no daylight saving time: only names.
  v.check(
    (z) => IANA_NAME.test(z) && isTimeZone(z),
    (issue) =>
      /^(?:UTC|GMT)?[+-]\d/.test(String(issue.input))
        ? `${String(issue.input)} is an offset, which ignores daylight saving time: write an IANA name like Asia/Shanghai or Europe/Berlin`
        : `${String(issue.input)} is not a known time zone: write an IANA name like Asia/Shanghai or Europe/Berlin`,
  ),
);
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const WeeklyHours = v.strictObject(
  Object.fromEntries(DAYS.map((d) => [d, v.optional(v.nullable(v.array(Period)))])) as Record<
    (typeof DAYS)[number],
    v.OptionalSchema<v.NullableSchema<v.ArraySchema<typeof Period, undefined>, undefined>, undefined>
  >,
);
export const MEDIA_TYPES = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};
export const MediaPath = v.pipe(
  v.string('should be the path of a file in media/'),
  v.regex(
    /^media\/[^\s\\]+\.(svg|png|jpe?g|webp)$/i,
    'should be a path like media/floor-1.svg (SVG, PNG, JPEG or WebP)',
  ),
);
const Url = v.pipe(v.string(), v.url('should be a full web address starting with https://'));
const WholeNumber = v.pipe(
  v.number('should be a number'),
  v.integer('should be a whole number'),
  v.minValue(0),
);
/** Money is a whole number of fen (1 yuan = 100 fen). */
export const Fen = v.pipe(
  v.number('money should be a number of fen, like 8000 for ¥80.00'),
  v.integer(
    (issue) =>
      `money must be a whole number of fen (1 yuan = 100 fen): for ¥${issue.input} write ${Math.round(Number(issue.input) * 100)}`,
  ),
  v.minValue(0, 'money cannot be negative'),
);

export const PLACE_KINDS = [
  'window',
  'room',
  'desk',
  'exit',
  'lift',
  // Added for routes between floors (issue 12): a hall written before it still validates.
  'stairs',
  'toilet',
  'accessible-toilet',
  'help-desk',
] as const;
export const NOTICE_KINDS = ['notice', 'policy', 'knowledge', 'result'] as const;
export const FEE_CATEGORIES = ['administrative', 'service', 'government-fund'] as const;
export const CHANNEL_KINDS = ['hotline', 'mailbox', 'email', 'web', 'window', 'letter'] as const;
const MATERIAL_FORMS = ['original', 'copy', 'electronic'] as const;
const AUDIENCES = ['person', 'business'] as const;
const FLOW_KINDS = ['start', 'step', 'decision', 'end'] as const;

/** A flow's layout, computed at publish time so the kiosk only draws. */
export const FlowLayout = v.strictObject({
  width: v.number(),
  height: v.number(),
  nodes: v.record(v.string(), v.strictObject({ x: v.number(), y: v.number(), w: v.number(), h: v.number() })),
  edges: v.array(
    v.strictObject({
      from: v.string(),
      to: v.string(),
      points: v.array(v.strictObject({ x: v.number(), y: v.number() })),
      back: v.boolean(),
      label: v.optional(v.strictObject({ x: v.number(), y: v.number() })),
    }),
  ),
});

function defineSchemas<
  M extends v.GenericSchema,
  F extends v.ObjectEntries,
  N extends v.ObjectEntries,
  H extends v.ObjectEntries,
>(markdown: M, extras: { flow: F; notice: N; hall: H }) {
  const md = v.optional(markdown);
  const L = v.optional(Localized);
  const N = v.optional(NeutralOrLocalized);
  const countSet = (o: object, keys: string[]) =>
    keys.filter((k) => (o as Record<string, unknown>)[k] !== undefined).length;

  const Place = v.strictObject({
    id: Id,
    name: Localized,
    kind: v.picklist(PLACE_KINDS),
    x: v.number(),
    y: v.number(),
    /** The room or area the place is in, on the plan: its label is kept inside it (docs/maps-and-directory.md). */
    area: v.optional(
      v.strictObject({
        x: v.number(),
        y: v.number(),
        width: v.pipe(v.number(), v.minValue(1, 'an area needs a width above 0')),
        height: v.pipe(v.number(), v.minValue(1, 'an area needs a height above 0')),
      }),
    ),
  });
  const Hall = v.strictObject({
    id: Id,
    name: Localized,
    shortName: L,
    address: L,
    phone: v.optional(Text),
    locales: v.pipe(v.array(LocaleTag), v.minLength(1, 'needs at least one language')),
    defaultLocale: v.optional(LocaleTag),
    timeZone: v.optional(TimeZone),
    hours: WeeklyHours,
    exceptions: v.optional(
      v.array(
        v.pipe(
          v.strictObject({
            date: DateText,
            closed: v.optional(v.boolean()),
            hours: v.optional(v.array(Period)),
            reason: L,
          }),
          v.check(
            (e) => (e.closed === true) !== (e.hours !== undefined),
            'needs either "closed: true" or "hours"',
          ),
        ),
      ),
      [],
    ),
    topics: v.optional(v.array(v.strictObject({ id: Id, name: Localized })), []),
    floors: v.optional(
      v.array(
        v.strictObject({ id: Id, name: Localized, plan: MediaPath, places: v.optional(v.array(Place), []) }),
      ),
      [],
    ),
    commitments: md,
    youAreHere: v.optional(v.record(v.string(), Id)),
    /** Groups of words that mean the same to a visitor (房产证 / 不动产权证书): search finds one by the other. */
    synonyms: v.optional(
      v.array(
        v.pipe(
          v.array(v.pipe(Text, v.nonEmpty('a synonym must not be empty'))),
          v.minLength(2, 'a synonym group needs at least two words'),
        ),
      ),
      [],
    ),
    /** What visitors often look for, offered as one-tap searches. */
    popularSearches: v.optional(v.array(Localized), []),
    /**
     * 好差评 on the terminal (docs/ratings.md). Absent: asked at both places with the default reasons,
     * whenever the terminal reports to a fleet service. Kept absent in the bundle when absent here, so a
     * kiosk built before it still takes a hall that does not write it.
     */
    ratings: v.optional(
      v.strictObject({
        enabled: v.optional(v.boolean()),
        ask: v.optional(v.array(v.picklist(RATING_PLACES, 'should be "guide-end" or "dock"'))),
        reasons: v.optional(
          v.pipe(
            v.array(v.strictObject({ id: Id, label: Localized })),
            v.minLength(1, 'needs at least one reason (or leave "reasons" out for the default list)'),
            v.maxLength(
              MAX_RATING_REASONS,
              `should be at most ${MAX_RATING_REASONS} reasons (one screen of toggles)`,
            ),
            v.check(
              (list) => new Set(list.map((r) => r.id)).size === list.length,
              'two reasons have the same id',
            ),
          ),
        ),
      }),
    ),
    ...extras.hall,
  });

  const Department = v.strictObject({
    id: Id,
    name: Localized,
    parent: v.optional(Id),
    kind: L,
    responsibilities: md,
    leaders: v.optional(v.array(v.strictObject({ name: NeutralOrLocalized, title: L, duties: L })), []),
    location: v.optional(v.strictObject({ floor: Id, place: v.optional(Id) })),
    windows: v.optional(listOf(Text), []),
    phone: v.optional(Text),
    email: v.optional(v.pipe(v.string(), v.email('should be an e-mail address'))),
    hours: v.optional(WeeklyHours),
  });

  const TimeLimit = v.pipe(
    v.strictObject({
      immediate: v.optional(v.boolean()),
      days: v.optional(v.pipe(WholeNumber, v.minValue(1, 'should be at least 1 day'))),
      unit: v.optional(v.picklist(['workday', 'day']), 'workday'),
    }),
    v.check(
      (t) => (t.immediate === true) !== (t.days !== undefined),
      'needs either "days" or "immediate: true"',
    ),
  );
  const FlowNode = v.strictObject({
    id: Id,
    kind: v.picklist(FLOW_KINDS),
    label: Localized,
    detail: md,
    window: v.optional(Text),
    duration: L,
  });
  const Service = v.strictObject({
    id: Id,
    code: v.optional(Text),
    name: Localized,
    department: Id,
    audience: listOf(v.picklist(AUDIENCES)),
    topics: v.optional(v.array(Id), []),
    /**
     * How often visitors use the service (applications a year, or any scale the hall keeps to): the most
     * used come first where services are browsed; services without one follow, by name.
     */
    popularity: v.optional(WholeNumber),
    type: L,
    basis: v.optional(v.array(v.strictObject({ title: Localized, article: N, docNo: N })), []),
    conditions: md,
    materials: v.optional(
      v.array(
        v.strictObject({
          name: Localized,
          form: v.optional(listOf(v.picklist(MATERIAL_FORMS)), []),
          copies: v.optional(WholeNumber, 1),
          required: v.optional(v.boolean(), true),
          note: L,
          sample: v.optional(MediaPath),
        }),
      ),
      [],
    ),
    flow: v.optional(
      v.strictObject({
        nodes: v.pipe(v.array(FlowNode), v.minLength(2, 'needs at least a start and an end')),
        edges: v.array(v.strictObject({ from: Id, to: Id, label: L })),
        ...extras.flow,
      }),
    ),
    timeLimit: v.optional(
      v.strictObject({ statutory: v.optional(TimeLimit), promised: v.optional(TimeLimit) }),
    ),
    fees: v.union(
      [v.array(Id), v.strictObject({ free: v.literal(true) })],
      'should be a list of fee ids, or { free: true } when the service is free',
    ),
    where: v.optional(
      v.strictObject({
        windows: v.optional(listOf(Text), []),
        floor: v.optional(Id),
        place: v.optional(Id),
        hours: v.optional(WeeklyHours),
      }),
    ),
    consult: v.optional(listOf(Text), []),
    complaints: v.optional(v.array(Id), []),
    online: v.optional(v.strictObject({ url: v.optional(Url), visits: v.optional(WholeNumber) })),
    result: L,
    delivery: L,
    updated: v.optional(DateText),
    effective: v.optional(DateText),
    expires: v.optional(DateText),
  });

  const FeeBasis = v.strictObject({ title: Localized, docNo: N, authority: L });
  const Fee = v.pipe(
    v.strictObject({
      id: Id,
      name: Localized,
      category: v.picklist(FEE_CATEGORIES),
      sector: v.optional(listOf(Id), []),
      amount: v.optional(Fen),
      range: v.optional(
        v.pipe(
          v.strictObject({ min: Fen, max: Fen }),
          v.check((r) => r.min <= r.max, 'the range minimum is larger than its maximum'),
        ),
      ),
      text: L,
      unit: L,
      basis: v.optional(listOf(FeeBasis), []),
      exemptions: md,
      effective: v.optional(DateText),
      expires: v.optional(DateText),
    }),
    v.check(
      (f) => countSet(f, ['amount', 'range', 'text']) === 1,
      'needs exactly one of "amount", "range" or "text"',
    ),
  );

  const Channel = v.strictObject({
    id: Id,
    kind: v.picklist(CHANNEL_KINDS),
    name: Localized,
    value: NeutralOrLocalized,
    hours: L,
    scope: L,
    response: L,
  });

  // When what a notice announces happens (an outage, a closure): a date, or a date and a time.
  const Moment = v.pipe(
    v.string('should be a date written YYYY-MM-DD, or a date and time written YYYY-MM-DD HH:MM'),
    v.regex(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2}(?: ${TIME})?$`),
      'should be a date written YYYY-MM-DD, or a date and time written YYYY-MM-DD HH:MM, like 2026-12-30 18:00',
    ),
    v.check((s) => isRealDate(s.slice(0, 10)), 'is not a date that exists in the calendar'),
  );
  const NoticeMeta = v.pipe(
    v.strictObject({
      id: Id,
      title: Localized,
      date: DateText,
      expires: v.optional(DateText),
      pinned: v.optional(v.boolean(), false),
      kind: v.optional(v.picklist(NOTICE_KINDS), 'notice'),
      image: v.optional(MediaPath),
      attract: v.optional(v.boolean(), false),
      urgent: v.optional(v.boolean(), false),
      /** A few whole sentences an attract slide shows instead of the body (which may be too long to show whole). */
      summary: v.optional(Localized),
      /** When the event happens, shown in words on the attract slide and the banner of an urgent notice. */
      happens: v.optional(v.strictObject({ from: Moment, to: v.optional(Moment) })),
      ...extras.notice,
    }),
    v.check((n) => !n.urgent || n.expires !== undefined, 'an urgent notice must have "expires"'),
  );

  const Slide = v.pipe(
    v.strictObject({
      id: v.optional(Id),
      notice: v.optional(Id),
      image: v.optional(MediaPath),
      text: L,
      seconds: v.optional(v.pipe(WholeNumber, v.minValue(1)), 8),
    }),
    v.check(
      (s) => countSet(s, ['notice', 'image', 'text']) === 1,
      'needs exactly one of "notice", "image" or "text"',
    ),
  );
  const Attract = v.strictObject({
    idleSeconds: v.optional(v.pipe(WholeNumber, v.minValue(10, 'should be at least 10 seconds')), 90),
    slides: v.optional(v.array(Slide), []),
    schedule: v.optional(
      v.array(v.strictObject({ days: v.array(v.picklist(DAYS)), from: Time, to: Time, slides: v.array(Id) })),
      [],
    ),
    sleep: v.optional(v.array(v.strictObject({ from: Time, to: Time })), []),
  });

  return { Hall, Department, Service, Fee, Channel, Channels: v.array(Channel), NoticeMeta, Attract };
}

/** What staff write. */
export const Source = defineSchemas(MarkdownSource, { flow: {}, notice: {}, hall: {} });
/** What a kiosk receives: rich text compiled, flows laid out per locale, notice bodies attached. */
export const Bundle = defineSchemas(RichTextByLocale, {
  flow: { layout: v.record(LocaleTag, FlowLayout) },
  notice: { body: RichTextByLocale },
  hall: { defaultLocale: LocaleTag },
});

export type LocalizedText = v.InferOutput<typeof Localized>;
export type WeeklyHoursT = v.InferOutput<typeof WeeklyHours>;
export type Hall = v.InferOutput<typeof Bundle.Hall>;
export type Department = v.InferOutput<typeof Bundle.Department>;
export type Service = v.InferOutput<typeof Bundle.Service>;
export type Fee = v.InferOutput<typeof Bundle.Fee>;
export type Channel = v.InferOutput<typeof Bundle.Channel>;
export type Notice = v.InferOutput<typeof Bundle.NoticeMeta>;
export type Attract = v.InferOutput<typeof Bundle.Attract>;
export type FlowLayoutT = v.InferOutput<typeof FlowLayout>;
export type RichText = RichNode[];

export type ServiceSource = v.InferOutput<typeof Source.Service>;
export type HallSource = v.InferOutput<typeof Source.Hall>;
export type DepartmentSource = v.InferOutput<typeof Source.Department>;
export type FeeSource = v.InferOutput<typeof Source.Fee>;
export type ChannelSource = v.InferOutput<typeof Source.Channel>;
export type NoticeMetaSource = v.InferOutput<typeof Source.NoticeMeta>;
export type AttractSource = v.InferOutput<typeof Source.Attract>;
