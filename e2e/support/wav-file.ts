// Test audio made in code, so the voice tests need neither sox nor espeak-ng on the machine.
import { writeFileSync } from 'node:fs';
import { makeWav } from '../../emulator/wav-fixture.ts';

/**
 * Writes a 16-bit mono WAV for Chromium's fake microphone and returns its path: syllable-like
 * bursts of a voiced tone (loud enough for the level meter to hear speech), or pure silence.
 */
export function writeWavFile(path: string, kind: 'speech' | 'silence', seconds = 5): string {
  if (kind === 'silence') {
    writeFileSync(path, makeWav({ seconds, amplitude: 0 }));
    return path;
  }
  const wav = makeWav({ seconds, frequency: 220, amplitude: 0.6 });
  const samples = new Int16Array(wav.buffer, 44, (wav.byteLength - 44) / 2);
  // Four "syllables" a second: a tone that swells and fades, as a voice's loudness does.
  for (let index = 0; index < samples.length; index++) {
    const envelope = Math.max(0, Math.sin((2 * Math.PI * 4 * index) / 16_000));
    samples[index] = Math.round(samples[index]! * (0.25 + 0.75 * envelope));
  }
  writeFileSync(path, wav);
  return path;
}
