/**
 * Behind a reverse proxy (TLS ends there): with `--trust-proxy loopback` (nginx on the same machine) the console reads the client's address,
 * the scheme and the host from the X-Forwarded-* headers the proxy sets, so the session cookie is Secure,
 * a form posted from the public origin is accepted, and wrong passwords are counted per real client.
 * Without it those headers are ignored: a client cannot choose its own address.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetApp } from '../app.ts';
import { type FleetDb, openPglite } from '../db.ts';
import { migrate } from '../migrate.ts';
import { addStaff } from './staff.ts';

const NOW = new Date('2026-03-02T09:31:00.000Z');
const PASSWORD = 'a quiet morning in the north hall';

let db: FleetDb;
beforeAll(async () => {
  db = await openPglite(undefined);
  await migrate(db);
  await addStaff(db, 'wang.li', PASSWORD, NOW);
});
afterAll(() => db?.close());

async function withApp(trustProxy: string | undefined, run: (app: FastifyInstance) => Promise<void>) {
  const app = buildFleetApp({ db, now: () => NOW, trustProxy });
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

/** A sign-in as nginx passes it on: the service sees the proxy's address and its own host. */
const viaProxy = (app: FastifyInstance, password: string, forwardedFor: string) =>
  app.inject({
    method: 'POST',
    url: '/console/login',
    remoteAddress: '127.0.0.1',
    headers: {
      host: '127.0.0.1:8790',
      origin: 'https://fleet.hall.example',
      'x-forwarded-for': forwardedFor,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'fleet.hall.example',
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ name: 'wang.li', password }).toString(),
  });

const attemptsFrom = async (ip: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_attempts WHERE ip = $1', [ip]))[0]?.n;

describe('the console behind a reverse proxy', () => {
  it("with --trust-proxy loopback: a Secure cookie over the proxy's HTTPS, its host as the origin, the client's address", async () => {
    await withApp('loopback', async (app) => {
      const signedIn = await viaProxy(app, PASSWORD, '203.0.113.9');
      expect(signedIn.statusCode).toBe(303);
      expect(String(signedIn.headers['set-cookie'])).toMatch(/; Secure/);

      // A client's own X-Forwarded-For entry is not believed: the address is the one the proxy saw.
      expect((await viaProxy(app, 'a wrong password ....', '198.51.100.1, 203.0.113.10')).statusCode).toBe(
        401,
      );
      expect(await attemptsFrom('203.0.113.10')).toBe(1);
      expect(await attemptsFrom('198.51.100.1')).toBe(0);
    });
  });

  it('without it the forwarded headers are ignored: the origin does not match the host, nothing is Secure', async () => {
    await withApp(undefined, async (app) => {
      expect((await viaProxy(app, PASSWORD, '203.0.113.11')).statusCode).toBe(403);
      const direct = await app.inject({
        method: 'POST',
        url: '/console/login',
        remoteAddress: '127.0.0.1',
        headers: {
          host: '127.0.0.1:8790',
          origin: 'http://127.0.0.1:8790',
          'x-forwarded-proto': 'https',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ name: 'wang.li', password: PASSWORD }).toString(),
      });
      expect(direct.statusCode).toBe(303);
      expect(String(direct.headers['set-cookie'])).not.toMatch(/Secure/);
    });
  });
});
