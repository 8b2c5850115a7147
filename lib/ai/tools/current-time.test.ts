import { describe, expect, it } from 'vitest';
import { createCurrentTime } from './current-time';

const fixed = createCurrentTime(() => new Date('2026-12-01T21:30:00Z'));
const options = { toolCallId: 'call_1', messages: [], context: {} };

describe('current_time', () => {
  it('tells the time in an IANA zone', async () => {
    const result = await fixed.execute!({ timeZone: 'Asia/Tokyo' }, options);
    expect(result).toMatchObject({ timeZone: 'Asia/Tokyo', iso: '2026-12-01T21:30:00.000Z' });
    expect((result as { local: string }).local).toMatch(/Wednesday,? 2 December 2026 at 06:30:00/);
  });

  it('fails on an unknown zone with a message the model can act on', async () => {
    await expect(Promise.resolve(fixed.execute!({ timeZone: 'Mars/Olympus' }, options))).rejects.toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
