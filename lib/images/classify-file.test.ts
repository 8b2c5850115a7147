import { describe, expect, it } from 'vitest';
import { classifyFile } from './classify-file';

describe('classifyFile', () => {
  it('accepts the four types the vision models read', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif']) expect(classifyFile('x', type)).toBe('accepted');
  });

  it('spots HEIC by type or by name (iOS often sends no type)', () => {
    expect(classifyFile('IMG_0001.HEIC', '')).toBe('heic');
    expect(classifyFile('photo', 'image/heif')).toBe('heic');
  });

  it('converts other image types rather than refusing them', () => {
    expect(classifyFile('scan.bmp', 'image/bmp')).toBe('other-image');
    expect(classifyFile('photo.avif', '')).toBe('other-image');
  });

  it('refuses documents and SVG', () => {
    expect(classifyFile('report.pdf', 'application/pdf')).toBe('not-image');
    expect(classifyFile('logo.svg', 'image/svg+xml')).toBe('not-image');
  });
});
