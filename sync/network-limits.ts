/**
 * The bounds every feed request runs under, so a bad server can neither flood a terminal's memory nor
 * wedge its sync. Defaults are chosen so a slow 3G hall network still passes (docs/sync.md, "Timeouts
 * and size bounds"); the build (kiosk/build-config.json `network`) and the start URL may change them.
 */
export type NetworkLimits = {
  /** The channel file has no declared size: it is refused past this many bytes. */
  maxChannelBytes: number;
  /** A manifest declared (in the signed channel file) larger than this is refused before it is fetched. */
  maxManifestBytes: number;
  /** A content file declared larger than this is refused before it is fetched. */
  maxFileBytes: number;
  /** From sending a request to its response headers. */
  headersTimeoutMs: number;
  /** The window the download rate is judged over: a body must bring minBytesPerSecond in each one. */
  stallMs: number;
  /** The slowest a body may arrive, averaged over each stallMs window (at least one byte per window). */
  minBytesPerSecond: number;
  /** One whole check (channel file, manifest and every file); past it the check is abandoned. */
  checkLimitMs: number;
};

export const DEFAULT_NETWORK_LIMITS: NetworkLimits = {
  maxChannelBytes: 64 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
  maxFileBytes: 32 * 1024 * 1024,
  headersTimeoutMs: 30_000,
  stallMs: 30_000,
  minBytesPerSecond: 512,
  checkLimitMs: 20 * 60_000,
};

export function networkLimits(given: Partial<NetworkLimits> = {}): NetworkLimits {
  return { ...DEFAULT_NETWORK_LIMITS, ...given };
}

/** "30 s", "2 min", "1.5 min": how long a timeout is, for the log. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  return `${+(ms / 60_000).toFixed(1)} min`;
}
