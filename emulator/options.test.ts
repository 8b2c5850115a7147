import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultModels } from './models.ts';
import { startEmulator } from './server.ts';
import { makeWav } from './wav-fixture.ts';

describe('start options', () => {
  it('serves a reduced catalog, so a delisted model answers 404', async () => {
    const emulator = await startEmulator({ models: defaultModels.filter((model) => model.id !== 'openai/gpt-oss-120b') });
    try {
      const headers = { authorization: 'Bearer gsk_x', 'content-type': 'application/json' };
      const list = await (await fetch(`${emulator.groqBaseURL}/models`, { headers })).json();
      expect(list.data.map((model: { id: string }) => model.id)).not.toContain('openai/gpt-oss-120b');
      const response = await fetch(`${emulator.groqBaseURL}/chat/completions`, { method: 'POST', headers, body: JSON.stringify({ model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'x' }] }) });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('model_not_found');
    } finally {
      await emulator.close();
    }
  });

  it('uses a custom key predicate and a fixed transcript', async () => {
    const emulator = await startEmulator({ acceptKey: (key) => key === 'let-me-in', transcript: 'Book a table for two.' });
    try {
      const form = new FormData();
      form.append('model', 'whisper-large-v3-turbo');
      form.append('file', new Blob([makeWav({ seconds: 1 })], { type: 'audio/wav' }), 'a.wav');
      const denied = await fetch(`${emulator.groqBaseURL}/audio/transcriptions`, { method: 'POST', headers: { authorization: 'Bearer gsk_valid_looking' }, body: form });
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${emulator.groqBaseURL}/audio/transcriptions`, { method: 'POST', headers: { authorization: 'Bearer let-me-in' }, body: form });
      expect(await allowed.json()).toEqual({ text: ' Book a table for two.', x_groq: { id: expect.stringMatching(/^req_/) } });
    } finally {
      await emulator.close();
    }
  });

  it('closes promptly while a stream is still open', async () => {
    const emulator = await startEmulator({ speed: 1 });
    const response = await fetch(`${emulator.groqBaseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer gsk_x', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-oss-120b', stream: true, messages: [{ role: 'user', content: '[emulate tokens=100000]' }] }),
    });
    await response.body!.getReader().read();
    await emulator.close();
  });
});

describe('CLI', () => {
  it('prints its URL, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./main.ts', import.meta.url)), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const match = /^emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(line.toString());
    expect(match).not.toBeNull();
    const health = await fetch(`${match![1]}/_emulator`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
