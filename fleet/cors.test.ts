/** The kiosk posts reports from its own origin: the report endpoint answers cross-origin requests, nothing else does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetApp } from './app.ts';
import { type FleetDb, openPglite } from './db.ts';
import { migrate } from './migrate.ts';

const KIOSK = 'http://kiosk.hall.example:8080';

describe('cross-origin reports', () => {
  let db: FleetDb;
  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
  });
  afterAll(() => db.close());

  it("answers a kiosk's preflight for POST with Content-Type: application/json, without credentials", async () => {
    const app = buildFleetApp({ db });
    const answer = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/reports',
      headers: {
        origin: KIOSK,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(answer.statusCode).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(String(answer.headers['access-control-allow-methods'])).toMatch(/\bPOST\b/);
    expect(String(answer.headers['access-control-allow-headers']).toLowerCase()).toMatch(/content-type/);
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    await app.close();
  });

  it('lets the kiosk read the answer to a report, and says nothing cross-origin on other routes', async () => {
    const app = buildFleetApp({ db });
    const report = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { origin: KIOSK, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(report.statusCode).toBe(400);
    expect(report.headers['access-control-allow-origin']).toBe('*');
    const health = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: KIOSK } });
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });
});
