/**
 * `publish --live <url>`: the channel as terminals see it now. A staging folder may be behind the live
 * feed (another machine published since); the new version must go above what is live, or every terminal
 * that took the live one refuses it as a rollback.
 */
import type { ChannelPayloadT } from '../content/bundle-format.ts';
import { FeedClient, FeedError } from '../sync/feed.ts';
import { unverifiedPayload } from './verify-feed.ts';

/** The live payload; undefined when the feed has no such channel yet; a string when it cannot be read. */
export async function readLiveChannel(
  url: string,
  channel: string,
): Promise<ChannelPayloadT | undefined | string> {
  let response: Awaited<ReturnType<FeedClient['channelFile']>>;
  try {
    response = await new FeedClient(url, channel).channelFile(undefined);
  } catch (e) {
    if (e instanceof FeedError && e.status === 404) return undefined;
    const why = e instanceof Error ? e.message : String(e);
    return `--live ${url}: ${why}; nothing was published (without --live the version comes from this folder and the clock)`;
  }
  if (!response.changed) return `--live ${url}: the feed answered 304 to a plain GET`;
  // Only the number matters here, and a forged higher one would only push ours higher: the signature is
  // checked where it matters, by verify-feed and the terminals.
  const payload = unverifiedPayload(response.bytes);
  if (!payload)
    return `--live ${url}: channels/${channel}.json is not channel metadata, so the live version is unknown; nothing was published`;
  return payload;
}
