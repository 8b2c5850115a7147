import { describe, expect, it } from 'vitest';
import { needsReencode } from './needs-reencode';

const small = { width: 400, height: 300 };

describe('needsReencode', () => {
  it('sends a small PNG under budget byte for byte', () => {
    expect(needsReencode({ kind: 'accepted', mediaType: 'image/png', size: small, byteCount: 50_000 }, 800_000)).toBe(false);
  });

  it('re-encodes an image whose base64 would pass its budget', () => {
    expect(needsReencode({ kind: 'accepted', mediaType: 'image/jpeg', size: small, byteCount: 700_000 }, 800_000)).toBe(true);
  });

  it('re-encodes an image over 33 megapixels even when its file is small', () => {
    expect(needsReencode({ kind: 'accepted', mediaType: 'image/png', size: { width: 8000, height: 6000 }, byteCount: 100_000 }, 800_000)).toBe(true);
  });

  it('always converts HEIC and other types', () => {
    expect(needsReencode({ kind: 'heic', mediaType: 'image/heic', size: small, byteCount: 1000 }, 800_000)).toBe(true);
  });
});
