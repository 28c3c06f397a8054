/** The terminal's settings: the build config's defaults, overridden per terminal by the start URL. */
import { duration, type NetworkLimits, networkLimits } from '../sync/network-limits.ts';
import type { StaffPinHash } from './staff/pin-hash.ts';

/** What the build bakes in (vite.config.ts `define`, from kiosk/build-config.json and KIOSK_* variables). */
export type BuildDefaults = {
  trustedKeys: string[];
  feedUrl: string;
  channel: string;
  /** Feed timeouts and size bounds; what is left out takes sync's defaults (sync/network-limits.ts). */
  network?: Partial<NetworkLimits>;
  staffPin: StaffPinHash;
  /** The fleet service terminals report to (docs/fleet-terminal.md); absent: no reporting, unless `?fleet=`. */
  fleetUrl?: string;
};
declare const __KIOSK_CONFIG__: BuildDefaults;

export type TerminalMode = 'interactive' | 'attract';

export type KioskSettings = {
  feedUrl: string;
  channel: string;
  trustedKeys: string[];
  /** Seconds without a touch before the visit is over; undefined: the content's attract.yaml decides. */
  idleSeconds: number | undefined;
  /** 'attract': nobody uses the screen, so a new version is shown as soon as it is verified. */
  mode: TerminalMode;
  /** Whether `?mode=` set the mode (else the default, interactive). */
  modeFromUrl: boolean;
  /** This terminal's id (`?device=`), which hall.yaml `youAreHere` maps to the place where it stands. */
  device: string | undefined;
  /** The visit's default language (`?lang=`); checked against the content's locales once content is there. */
  lang: string | undefined;
  /** The build's feed bounds, with `?feedTimeout=`, `?feedStall=`, `?checkLimit=` (seconds) applied. */
  network: NetworkLimits;
  staffPin: StaffPinHash;
  /** Where reports go (`?fleet=`, else the build's fleetUrl); undefined: reporting is off, nothing is sent. */
  fleetUrl: string | undefined;
  /** Start-URL values that were ignored, and why (for the staff panel). */
  notes: string[];
};

/** A BCP 47-ish tag such as zh-CN or en: anything else cannot be one of a hall's locales. */
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function readSettings(
  location: Pick<Location, 'href' | 'search'>,
  defaults: BuildDefaults = __KIOSK_CONFIG__,
): KioskSettings {
  const query = new URLSearchParams(location.search);
  const notes: string[] = [];
  let feedUrl = new URL(defaults.feedUrl, location.href).href;
  const feed = query.get('feed');
  if (feed !== null) {
    try {
      feedUrl = new URL(feed, location.href).href;
    } catch {
      notes.push(`?feed=${feed} is not a web address: using ${feedUrl}`);
    }
  }
  let channel = defaults.channel;
  const askedChannel = query.get('channel');
  if (askedChannel !== null) {
    if (/^[a-z0-9][a-z0-9-]*$/.test(askedChannel)) channel = askedChannel;
    else notes.push(`?channel=${askedChannel} is not a channel name: using ${channel}`);
  }
  let idleSeconds: number | undefined;
  const idle = query.get('idle');
  if (idle !== null) {
    if (/^\d+$/.test(idle) && Number(idle) >= 5) idleSeconds = Number(idle);
    else
      notes.push(`?idle=${idle} should be a whole number of seconds, 5 or more: using the content's setting`);
  }
  let mode: TerminalMode = 'interactive';
  const askedMode = query.get('mode');
  const modeFromUrl = askedMode === 'attract' || askedMode === 'interactive';
  if (askedMode === 'attract' || askedMode === 'interactive') mode = askedMode;
  else if (askedMode !== null)
    notes.push(`?mode=${askedMode} should be interactive or attract: using interactive`);
  let device = query.get('device') ?? undefined;
  if (device !== undefined && device.trim() === '') {
    notes.push('?device= is empty: this terminal has no id, so maps show no "you are here"');
    device = undefined;
  }
  let lang = query.get('lang') ?? undefined;
  if (lang !== undefined && !LANG_TAG.test(lang)) {
    notes.push(`?lang=${lang} is not a language tag such as zh-CN or en: using the content's default`);
    lang = undefined;
  }
  const fleetUrl = readFleetUrl(query.get('fleet'), defaults.fleetUrl, location.href, notes);
  const network = networkLimits(defaults.network);
  // Only the timeouts: a hall on a slow network may need longer ones, a test shorter ones. Size bounds
  // stay the build's, so a start URL cannot open a terminal to a flood.
  for (const [param, key] of [
    ['feedTimeout', 'headersTimeoutMs'],
    ['feedStall', 'stallMs'],
    ['checkLimit', 'checkLimitMs'],
  ] as const) {
    const value = query.get(param);
    if (value === null) continue;
    if (/^\d+$/.test(value) && Number(value) >= 1) network[key] = Number(value) * 1000;
    else
      notes.push(
        `?${param}=${value} should be a whole number of seconds, 1 or more: using ${duration(network[key])}`,
      );
  }
  return {
    feedUrl,
    channel,
    trustedKeys: defaults.trustedKeys,
    idleSeconds,
    mode,
    modeFromUrl,
    device,
    lang,
    network,
    staffPin: defaults.staffPin,
    fleetUrl,
    notes,
  };
}

/** `?fleet=` when it is a non-empty http(s) address (relative to the page allowed), else the build's, else none. */
function readFleetUrl(
  asked: string | null,
  fromBuild: string | undefined,
  page: string,
  notes: string[],
): string | undefined {
  const httpUrl = (text: string) => {
    try {
      const url = new URL(text, page);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  };
  const byBuild = fromBuild ? httpUrl(fromBuild) : undefined;
  if (asked === null) return byBuild;
  const fallback = byBuild ? `reporting to ${byBuild}` : 'reporting is off';
  // Empty resolves to the kiosk's own page: reports would go to the page's server, never a fleet service.
  if (asked.trim() === '') {
    notes.push(`?fleet= is empty: ${fallback}`);
    return byBuild;
  }
  const byUrl = httpUrl(asked);
  if (byUrl) return byUrl;
  notes.push(`?fleet=${asked} is not an http(s) address: ${fallback}`);
  return byBuild;
}

/**
 * The visit's default language: `?lang=` when the content has it, else the content's own default.
 * Content is known only after settings are read, so this check runs later, against each version.
 */
export function visitLanguage(
  settings: Pick<KioskSettings, 'lang'>,
  content: { locales: readonly string[]; defaultLocale: string } | undefined,
): { locale: string; note: string | undefined } {
  const fallback = content?.defaultLocale ?? 'zh-CN';
  if (settings.lang === undefined || content === undefined) return { locale: fallback, note: undefined };
  if (content.locales.includes(settings.lang)) return { locale: settings.lang, note: undefined };
  return {
    locale: fallback,
    note: `?lang=${settings.lang} is not one of the content's languages (${content.locales.join(', ')}): using ${fallback}`,
  };
}
