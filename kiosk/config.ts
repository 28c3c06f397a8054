/** The terminal's settings: the build config's defaults, overridden per terminal by the start URL. */
declare const __KIOSK_CONFIG__: { trustedKeys: string[]; feedUrl: string; channel: string };

export type KioskSettings = {
  feedUrl: string;
  channel: string;
  trustedKeys: string[];
  /** Seconds without a touch before the visit is over; undefined: the content's attract.yaml decides. */
  idleSeconds: number | undefined;
  /** 'attract': nobody uses the screen, so a new version is shown as soon as it is verified. */
  mode: 'interactive' | 'attract';
  /** This terminal's id (`?device=`), which hall.yaml `youAreHere` maps to the place where it stands. */
  device: string | undefined;
  /** Start-URL values that were ignored, and why (for the staff panel). */
  notes: string[];
};

export function readSettings(location: Location): KioskSettings {
  const query = new URLSearchParams(location.search);
  const notes: string[] = [];
  let feedUrl = new URL(__KIOSK_CONFIG__.feedUrl, location.href).href;
  const feed = query.get('feed');
  if (feed !== null) {
    try {
      feedUrl = new URL(feed, location.href).href;
    } catch {
      notes.push(`?feed=${feed} is not a web address: using ${feedUrl}`);
    }
  }
  let channel = __KIOSK_CONFIG__.channel;
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
  let mode: KioskSettings['mode'] = 'interactive';
  const askedMode = query.get('mode');
  if (askedMode === 'attract' || askedMode === 'interactive') mode = askedMode;
  else if (askedMode !== null)
    notes.push(`?mode=${askedMode} should be interactive or attract: using interactive`);
  const device = query.get('device') ?? undefined;
  return { feedUrl, channel, trustedKeys: __KIOSK_CONFIG__.trustedKeys, idleSeconds, mode, device, notes };
}
