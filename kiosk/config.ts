/** The terminal's settings: the build config's defaults, overridden per terminal by the start URL. */
declare const __KIOSK_CONFIG__: { trustedKeys: string[]; feedUrl: string; channel: string };

export type KioskSettings = { feedUrl: string; channel: string; trustedKeys: string[] };

export function readSettings(location: Location): KioskSettings {
  const query = new URLSearchParams(location.search);
  const feed = query.get('feed') ?? __KIOSK_CONFIG__.feedUrl;
  const channel = query.get('channel');
  return {
    feedUrl: new URL(feed, location.href).href,
    channel: channel && /^[a-z0-9][a-z0-9-]*$/.test(channel) ? channel : __KIOSK_CONFIG__.channel,
    trustedKeys: __KIOSK_CONFIG__.trustedKeys,
  };
}
