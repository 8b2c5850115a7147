import { describe, expect, it } from 'vitest';
import { estimateDuration, sniffAudio } from './audio-sniff.ts';
import { analyzeWav, silenceRms } from './wav-analysis.ts';
import { makeWav } from './wav-fixture.ts';

function withHeader(header: number[] | string, offset = 0): Uint8Array {
  const bytes = new Uint8Array(64);
  const values = typeof header === 'string' ? [...header].map((character) => character.charCodeAt(0)) : header;
  bytes.set(values, offset);
  return bytes;
}

describe('sniffAudio', () => {
  it('recognises each accepted container by its magic bytes', () => {
    expect(sniffAudio(makeWav({ seconds: 0.1 }))).toBe('wav');
    expect(sniffAudio(withHeader('OggS'))).toBe('ogg');
    expect(sniffAudio(withHeader([0x1a, 0x45, 0xdf, 0xa3]))).toBe('webm');
    expect(sniffAudio(withHeader('ftyp', 4))).toBe('mp4');
    expect(sniffAudio(withHeader('ID3'))).toBe('mp3');
    expect(sniffAudio(withHeader([0xff, 0xfb]))).toBe('mp3');
    expect(sniffAudio(withHeader('fLaC'))).toBe('flac');
  });

  it('rejects text, images and tiny files', () => {
    expect(sniffAudio(new TextEncoder().encode('hello, this is not audio at all'))).toBeUndefined();
    expect(sniffAudio(withHeader([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(sniffAudio(new Uint8Array([0xff, 0xfb]))).toBeUndefined();
  });

  it('estimates compressed durations from size at a typical bitrate', () => {
    expect(estimateDuration('mp3', 16_000)).toBeCloseTo(1, 5);
  });
});

describe('analyzeWav', () => {
  it('reads the real duration from the header', () => {
    expect(analyzeWav(makeWav({ seconds: 2.4 }))?.durationSeconds).toBeCloseTo(2.4, 3);
    expect(analyzeWav(makeWav({ seconds: 1, sampleRate: 44_100 }))?.durationSeconds).toBeCloseTo(1, 3);
  });

  it('tells a tone from silence by RMS', () => {
    expect(analyzeWav(makeWav({ seconds: 1 }))!.rms).toBeGreaterThan(0.3);
    expect(analyzeWav(makeWav({ seconds: 1, amplitude: 0 }))!.rms).toBeLessThan(silenceRms);
  });
});
