import { describe, expect, it } from 'vitest';
import { makeWav } from '@/emulator/wav-fixture';
import { wavDurationSeconds } from './wav-duration';

describe('wavDurationSeconds', () => {
  it('reads the length from the header', () => {
    expect(wavDurationSeconds(makeWav({ seconds: 2.5 }))).toBeCloseTo(2.5, 3);
  });

  it('uses the bytes present when a streaming writer left the data size at 0xFFFFFFFF', () => {
    const wav = makeWav({ seconds: 1, sampleRate: 8000 });
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
    expect(wavDurationSeconds(wav)).toBeCloseTo(1, 3);
  });

  it('gives up on a header without a fmt chunk', () => {
    const wav = makeWav({ seconds: 1 });
    wav.set(Buffer.from('junk'), 12);
    expect(wavDurationSeconds(wav)).toBeUndefined();
  });
});
