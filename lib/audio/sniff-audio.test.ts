import { describe, expect, it } from 'vitest';
import { makeWav } from '@/emulator/wav-fixture';
import { sniffAudio } from './sniff-audio';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)).concat(new Array(16).fill(0)));

describe('sniffAudio', () => {
  it.each([
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3]), 'audio/webm'],
    ['ogg', bytes('OggS'), 'audio/ogg'],
    ['mp4', bytes([0, 0, 0, 0x20], 'ftypM4A '), 'audio/mp4'],
    ['flac', bytes('fLaC'), 'audio/flac'],
    ['mp3', bytes('ID3'), 'audio/mpeg'],
    ['mp3', bytes([0xff, 0xfb, 0x90]), 'audio/mpeg'],
  ])('recognises %s by its magic bytes', (format, audio, mediaType) => {
    expect(sniffAudio(audio)).toMatchObject({ format, mediaType });
  });

  it('recognises a real WAV file', () => {
    expect(sniffAudio(makeWav({ seconds: 0.1 }))?.format).toBe('wav');
  });

  it.each([
    ['PNG', bytes([0x89], 'PNG\r\n')],
    ['JSON', bytes('{"text": "hello"}')],
    ['RIFF that is not WAVE (AVI)', bytes('RIFF', [0, 0, 0, 0], 'AVI ')],
    ['AAC in ADTS (layer bits 00)', bytes([0xff, 0xf1, 0x50])],
    ['too few bytes', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])],
  ])('refuses %s', (_name, audio) => {
    expect(sniffAudio(audio)).toBeUndefined();
  });
});
