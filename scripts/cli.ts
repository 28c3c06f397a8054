/** The staff command line: one entry, with verbs. Each verb is a thin layer over content/ and sync/. */
import { parseArgs } from 'node:util';

const USAGE = `Usage:
  npm run validate -- <content folder>
  npm run keygen -- --out <dir>
  npm run publish -- <content folder> --feed <feed folder> --key <private key file> [--channel stable] [--expires 30d] [--live <feed url>]
  npm run verify-feed -- <feed folder or URL> [--key <public key file> …] [--channel stable]
  npm run feed -- <feed folder> [--port 8787] [--host 127.0.0.1]  (--host 0.0.0.0: the whole network)
  npm run pin -- <6 to 12 digits> print the salted hash of a staff PIN for the build config (8+ recommended)
  npm run terminal -- <kiosk url> [--profile dir] [--chromium /usr/bin/chromium]
  npm start                      publish the sample hall and serve the kiosk on it`;

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      feed: { type: 'string' },
      key: { type: 'string', multiple: true },
      live: { type: 'string' },
      channel: { type: 'string', default: 'stable' },
      expires: { type: 'string', default: '30d' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      profile: { type: 'string', default: `${process.env.HOME ?? '.'}/.sunlight-kiosk` },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`missing ${what}`);
    return value;
  };
  if (values.help || !verb) {
    console.log(USAGE);
    return verb ? 0 : 2;
  }
  switch (verb) {
    case 'validate': {
      const { runValidate } = await import('./validate.ts');
      return runValidate(need(positionals[0], 'the content folder')).problems.errors.length > 0 ? 1 : 0;
    }
    case 'keygen': {
      const { runKeygen } = await import('./keygen.ts');
      runKeygen(need(values.out, '--out <dir>'));
      return 0;
    }
    case 'publish': {
      const { runPublish } = await import('./publish.ts');
      const ok = await runPublish({
        folder: need(positionals[0], 'the content folder'),
        feed: need(values.feed, '--feed <feed folder>'),
        keyFile: need(one(values.key, '--key'), '--key <private key file>'),
        channel: values.channel!,
        expires: values.expires!,
        live: values.live,
      });
      return ok ? 0 : 1;
    }
    case 'verify-feed': {
      const { runVerifyFeed } = await import('./verify-feed.ts');
      const ok = await runVerifyFeed({
        source: need(positionals[0], 'the feed folder or URL'),
        keyFiles: values.key ?? [],
        channel: values.channel!,
      });
      return ok ? 0 : 1;
    }
    case 'feed': {
      const { serveFeed } = await import('./feed-server.ts');
      const port = Number(values.port ?? 8787);
      const server = await serveFeed(need(positionals[0], 'the feed folder'), port, { host: values.host });
      console.log(`Serving feed ${positionals[0]} at ${server.url}`);
      return new Promise(() => {});
    }
    case 'start': {
      const { start } = await import('./start.ts');
      await start({ port: Number(values.port ?? 8080) });
      return new Promise(() => {});
    }
    case 'pin': {
      const { runPinHash } = await import('./pin-hash.ts');
      runPinHash(need(positionals[0], 'the PIN'));
      return 0;
    }
    case 'terminal': {
      const { launch } = await import('./terminal/launch.ts');
      return launch(need(positionals[0], 'the kiosk URL'), values.profile!, values.chromium!);
    }
    default:
      throw new UsageError(`unknown command "${verb}"`);
  }
}

class UsageError extends Error {}

/** --key may be given several times for verify-feed (key rotation); publish signs with exactly one. */
function one(values: string[] | undefined, flag: string): string | undefined {
  if (values && values.length > 1) throw new UsageError(`${flag} given ${values.length} times: give one`);
  return values?.[0];
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) console.error(`${e.message}\n\n${USAGE}`);
    else console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
