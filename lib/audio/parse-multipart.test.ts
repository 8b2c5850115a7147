import { describe, expect, it } from 'vitest';
import { FlintError } from '@/lib/errors';
import { parseMultipart } from './parse-multipart';

async function encoded(form: FormData) {
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}

describe('parseMultipart', () => {
  it('reads what a browser FormData sends: files with their name and type, and text fields', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3, 13, 10, 45, 45])], { type: 'Audio/WebM' }), 'speech "1".webm');
    form.append('language', 'en');
    const { body, contentType } = await encoded(form);
    const [file, language] = parseMultipart(body, contentType);
    expect(file).toMatchObject({ name: 'file', filename: 'speech %221%22.webm', contentType: 'audio/webm' });
    expect([...file!.data]).toEqual([1, 2, 3, 13, 10, 45, 45]);
    expect(language?.filename).toBeUndefined();
    expect(new TextDecoder().decode(language!.data)).toBe('en');
  });

  it('hands out views into the body, never copies', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(1000).fill(7)]), 'a.wav');
    const { body, contentType } = await encoded(form);
    expect(parseMultipart(body, contentType)[0]!.data.buffer).toBe(body.buffer);
  });

  it('reads a quoted boundary', () => {
    const text = '--a b\r\nContent-Disposition: form-data; name="x"\r\n\r\nhi\r\n--a b--\r\n';
    expect(parseMultipart(new TextEncoder().encode(text), 'multipart/form-data; boundary="a b"')).toHaveLength(1);
  });

  it('answers 400 for a missing boundary, a cut-off body or a part without a name', () => {
    const bad = (text: string, type = 'multipart/form-data; boundary=x') => {
      try {
        parseMultipart(new TextEncoder().encode(text), type);
        return 'parsed';
      } catch (error) {
        return FlintError.isInstance(error) ? error.status : error;
      }
    };
    expect(bad('--x--', 'multipart/form-data')).toBe(400);
    expect(bad('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end')).toBe(400);
    expect(bad('--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--')).toBe(400);
    expect(bad('garbage')).toBe(400);
  });
});
