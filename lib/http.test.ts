import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FlintError } from './errors';
import { errorResponse, readJson } from './http';

const schema = z.object({ name: z.string() });
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://flint.test/api', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  return FlintError.isInstance(error) ? [error.code, error.status] : error;
}

describe('readJson', () => {
  it('parses a valid body', async () => {
    expect(await readJson(post('{"name":"flint"}'), schema, 100)).toEqual({ name: 'flint' });
  });

  it('answers 400 for a body that is not JSON or does not fit the schema, naming where', async () => {
    expect(await codeOf(readJson(post('{nope'), schema, 100))).toEqual(['bad_request:api', 400]);
    await expect(readJson(post('{"name":3}'), schema, 100)).rejects.toThrow(/at name/);
  });

  it('answers 415 unless the body is declared application/json, whatever its case or parameters', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      expect(await codeOf(readJson(post('{"name":"flint"}', { 'content-type': type }), schema, 100))).toEqual(['unsupported_media:api', 415]);
    }
    expect(await readJson(post('{"name":"flint"}', { 'content-type': 'Application/JSON; charset=utf-8' }), schema, 100)).toEqual({ name: 'flint' });
  });

  it('answers 413 when the body passes the limit, even without a content-length', async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (let chunk = 0; chunk < 10; chunk++) controller.enqueue(new TextEncoder().encode('x'.repeat(50)));
        controller.close();
      },
    });
    expect(await codeOf(readJson(post(stream), schema, 100))).toEqual(['too_large:api', 413]);
    expect(await codeOf(readJson(post('{}', { 'content-length': '1000' }), schema, 100))).toEqual(['too_large:api', 413]);
  });
});

describe('errorResponse', () => {
  it('hides an unexpected error behind a generic 500 body', async () => {
    const response = errorResponse(new Error('ECONNREFUSED 10.0.0.1 with key gsk_secret'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('gsk_secret');
  });
});
