import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskFlags } from './launch.ts';
import { clearStaleLocks } from './profile.ts';

function crashedProfile(lockPid: number): string {
  const profile = mkdtempSync(join(tmpdir(), 'sunlight-profile-'));
  const idb = join(profile, 'Default/IndexedDB/http_127.0.0.1_8080.indexeddb.leveldb');
  mkdirSync(idb, { recursive: true });
  writeFileSync(join(idb, 'LOCK'), '');
  writeFileSync(join(idb, 'CURRENT'), 'MANIFEST-000001\n');
  symlinkSync(`${hostname()}-${lockPid}`, join(profile, 'SingletonLock'));
  return profile;
}

describe('the terminal launcher', () => {
  it('should clear the locks a dead Chromium left, and keep the data', () => {
    const profile = crashedProfile(2 ** 22 + 12345);
    const removed = clearStaleLocks(profile)!;
    expect(removed.map((p) => p.slice(profile.length))).toEqual(
      expect.arrayContaining([
        '/SingletonLock',
        '/Default/IndexedDB/http_127.0.0.1_8080.indexeddb.leveldb/LOCK',
      ]),
    );
    expect(readdirSync(join(profile, 'Default/IndexedDB/http_127.0.0.1_8080.indexeddb.leveldb'))).toEqual([
      'CURRENT',
    ]);
  });

  it('should not touch a profile a live Chromium holds', () => {
    const profile = crashedProfile(process.pid);
    expect(clearStaleLocks(profile)).toBeUndefined();
    expect(
      readdirSync(join(profile, 'Default/IndexedDB/http_127.0.0.1_8080.indexeddb.leveldb')).sort(),
    ).toEqual(['CURRENT', 'LOCK']);
  });

  it('should start Chromium in kiosk mode with no way out and no prompts', () => {
    const flags = kioskFlags('http://127.0.0.1:8080/?device=lobby-1', '/var/lib/sunlight/profile');
    expect(flags).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--noerrdialogs',
        '--disable-pinch',
        '--overscroll-history-navigation=0',
        '--enable-precise-memory-info',
      ]),
    );
    expect(flags.at(-1)).toBe('http://127.0.0.1:8080/?device=lobby-1');
  });
});

describe('the terminal launcher and speech', () => {
  it('should start Chromium with speech-dispatcher, or the page has no voice at all on Linux', () => {
    expect(kioskFlags('http://kiosk.example/', '/tmp/p')).toContain('--enable-speech-dispatcher');
  });
});
