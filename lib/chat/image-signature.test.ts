import { describe, expect, it } from 'vitest';
import { imageSignature } from './image-signature';

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((character) => character.charCodeAt(0)) : [value])));

describe('imageSignature', () => {
  it('recognises PNG, JPEG, GIF and WebP by their magic numbers', () => {
    expect(imageSignature(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(imageSignature(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(imageSignature(bytes('GIF89a'))).toBe('image/gif');
    expect(imageSignature(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('image/webp');
  });

  it('recognises none of a PDF, a RIFF that is not WebP, or too few bytes', () => {
    expect(imageSignature(bytes('%PDF-1.7'))).toBeUndefined();
    expect(imageSignature(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeUndefined();
    expect(imageSignature(bytes(0x89, 'PN'))).toBeUndefined();
  });
});
