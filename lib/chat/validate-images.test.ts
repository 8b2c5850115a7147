import { describe, expect, it } from 'vitest';
import { FlintError } from '@/lib/errors';
import { dataUrlOf, filePart, pngDataUrl, userMessage } from './image-test-support';
import { validateImages } from './validate-images';

function refusal(messages: Parameters<typeof validateImages>[0]): FlintError {
  try {
    validateImages(messages);
  } catch (error) {
    if (FlintError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected validateImages to refuse');
}

const jpegHeader = [0xff, 0xd8, 0xff, 0xe0];

describe('validateImages', () => {
  it('accepts real PNG and JPEG data URLs and text-only messages', () => {
    expect(() => validateImages([userMessage('1', 'hi'), userMessage('2', 'look', [filePart(), filePart(dataUrlOf('image/jpeg', jpegHeader, 400), 'image/jpeg')])])).not.toThrow();
  });

  it('refuses a PDF with unsupported_file:chat (415)', () => {
    const error = refusal([userMessage('1', 'read this', [filePart(dataUrlOf('application/pdf', [0x25, 0x50, 0x44, 0x46]), 'application/pdf')])]);
    expect([error.code, error.status]).toEqual(['unsupported_file:chat', 415]);
    expect(error.message).toMatch(/application\/pdf/);
  });

  it('refuses HEIC that reached the server unconverted', () => {
    expect(refusal([userMessage('1', 'x', [filePart('data:image/heic;base64,AAAA', 'image/heic')])]).code).toBe('unsupported_file:chat');
  });

  it('refuses a PDF labelled as a PNG (the bytes decide)', () => {
    const error = refusal([userMessage('1', 'x', [filePart(dataUrlOf('image/png', [0x25, 0x50, 0x44, 0x46, 0x2d]))])]);
    expect([error.code, error.status]).toEqual(['bad_image:chat', 400]);
  });

  it('refuses a JPEG labelled as a PNG, naming what it really is', () => {
    expect(refusal([userMessage('1', 'x', [filePart(dataUrlOf('image/png', jpegHeader))])]).message).toMatch(/image\/jpeg file labelled image\/png/);
  });

  it('refuses remote URLs, damaged base64 and a data URL whose type disagrees with the part', () => {
    expect(refusal([userMessage('1', 'x', [filePart('https://example.com/cat.png')])]).code).toBe('bad_image:chat');
    expect(refusal([userMessage('1', 'x', [filePart('data:image/png;base64,iVBOR!!w0KGgo=')])]).code).toBe('bad_image:chat');
    expect(refusal([userMessage('1', 'x', [filePart(pngDataUrl.replace('image/png', 'image/gif'))])]).code).toBe('bad_image:chat');
  });

  it('refuses six images in one message with too_many_images:chat', () => {
    const error = refusal([userMessage('1', 'x', Array.from({ length: 6 }, () => filePart()))]);
    expect([error.code, error.status]).toEqual(['too_many_images:chat', 400]);
  });

  it('refuses more than 4 MB of base64 in one message with images_too_large:chat (413)', () => {
    const big = filePart(dataUrlOf('image/jpeg', jpegHeader, 2_200_000), 'image/jpeg');
    const error = refusal([userMessage('1', 'x', [big, big])]);
    expect([error.code, error.status]).toEqual(['images_too_large:chat', 413]);
  });

  it('checks earlier messages too, not only the newest', () => {
    expect(refusal([userMessage('1', 'x', [filePart(dataUrlOf('image/png', [1, 2, 3]))]), userMessage('2', 'and?')]).code).toBe('bad_image:chat');
  });
});
