import { describe, expect, it } from 'vitest';
import { fontInstaller } from './fonts.ts';

type Face = { family: string; weight: string; version: string; load: () => Promise<Face> };

/** A page's font set and FontFace, faked: a face "loads" unless its bytes say "broken". */
function page() {
  const fonts = new Set<Face>();
  const log: string[] = [];
  const pending: (() => void)[] = [];
  let hold = false;
  const install = fontInstaller(
    {
      add: (f) => fonts.add(f as unknown as Face) as unknown as FontFaceSet,
      delete: (f) => fonts.delete(f as unknown as Face),
    },
    (family, data, d) => {
      const version = new TextDecoder().decode(data);
      const face: Face = {
        family,
        weight: d.weight!,
        version,
        load: () =>
          new Promise((resolve, reject) => {
            const done = () => (version === 'broken' ? reject(new Error('bad font')) : resolve(face));
            if (hold) pending.push(done);
            else done();
          }),
      };
      return face as unknown as FontFace;
    },
    (m) => log.push(m),
  );
  const shown = () => [...fonts].map((f) => `${f.family} ${f.weight} ${f.version}`).sort();
  return {
    install,
    shown,
    log,
    hold: (on: boolean) => {
      hold = on;
    },
    /** Lets `count` held loads finish, once they have started, the last started first. */
    release: async (count: number) => {
      while (pending.length < count) await new Promise((r) => setTimeout(r, 1));
      for (const done of pending.splice(0).reverse()) done();
    },
  };
}

const content = (version: string, fonts = ['fonts/content-400.woff2', 'fonts/content-700.woff2']) => ({
  media: new Map(fonts.map((p) => [p, new Blob([version])])),
  manifest: { media: fonts.map((p) => ({ path: p, hash: `${version}-${p}` })) } as never,
});

describe('content fonts on the page', () => {
  it('should install both weights of the active version as Sunlight Content', async () => {
    const p = page();
    await p.install(content('v1'));
    expect(p.shown()).toEqual(['Sunlight Content 400 v1', 'Sunlight Content 700 v1']);
  });

  it("should replace the previous version's faces with the new version's", async () => {
    const p = page();
    await p.install(content('v1'));
    await p.install(content('v2'));
    expect(p.shown()).toEqual(['Sunlight Content 400 v2', 'Sunlight Content 700 v2']);
  });

  it('should keep the newest version when an older one finishes loading last', async () => {
    const p = page();
    p.hold(true);
    const older = p.install(content('v1'));
    const newer = p.install(content('v2'));
    await p.release(4);
    await Promise.all([older, newer]);
    expect(p.shown()).toEqual(['Sunlight Content 400 v2', 'Sunlight Content 700 v2']);
  });

  it('should keep the faces it has when the new ones cannot be loaded, and say why', async () => {
    const p = page();
    await p.install(content('v1'));
    await p.install(content('broken'));
    expect(p.shown()).toEqual(['Sunlight Content 400 v1', 'Sunlight Content 700 v1']);
    expect(p.log.join('\n')).toMatch(/fonts\/content-400\.woff2 could not be loaded: Error: bad font/);
  });

  it('should do nothing without content or for the same files again, and drop fonts a version lacks', async () => {
    const p = page();
    await p.install(undefined);
    expect(p.shown()).toEqual([]);
    await p.install(content('v1'));
    const before = p.shown();
    await p.install(content('v1'));
    expect(p.shown()).toEqual(before);
    await p.install(content('v0', []));
    expect(p.shown()).toEqual([]);
  });
});
