/**
 * The fleet bench's simulated terminals send what a real terminal sends: reports that pass the
 * service's own checks and signatures that verify, so the bench measures the real path.
 */
import { describe, expect, it } from 'vitest';
import { checkEnvelope, checkPayload, verifyReportSignature } from '../../fleet/protocol.ts';
import { cpuSeconds } from './fleet-service.ts';
import { eventsOfReport, makeSimTerminals, signPayload, simPayload } from './fleet-terminals.ts';

describe('the fleet bench', () => {
  it("signs reports the service accepts, with about five events in a terminal's day", async () => {
    const [terminal] = await makeSimTerminals(1);
    if (!terminal) throw new Error('no terminal');
    const at = new Date('2026-03-02T01:00:00.000Z');
    const envelope = checkEnvelope(
      await signPayload(terminal, simPayload(terminal, 1, at, eventsOfReport(1, at))),
    );
    if (!envelope.ok) throw new Error(envelope.reason);
    const { publicKey, signature, payloadText } = envelope.value;
    expect(await verifyReportSignature(publicKey, signature, payloadText)).toBe(true);
    expect(checkPayload(payloadText)).toMatchObject({
      ok: true,
      value: { seq: 1, events: [{ kind: 'version-shown' }] },
    });
    const events = Array.from({ length: 288 }, (_, i) => eventsOfReport(i + 1, at).length);
    expect(events.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('reads a process CPU time from /proc', () => {
    let spin = 0;
    for (let i = 0; i < 5_000_000; i++) spin += i;
    expect(spin).toBeGreaterThan(0);
    expect(cpuSeconds(process.pid)).toBeGreaterThan(0);
  });
});
