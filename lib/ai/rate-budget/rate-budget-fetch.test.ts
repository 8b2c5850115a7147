import { describe, expect, it } from 'vitest';
import { modelOfRequest } from './rate-budget-fetch';

const modelOf = modelOfRequest({ groq: 'https://api.groq.com/openai/v1', openai: 'https://api.openai.com/v1' });
const groqURL = 'https://api.groq.com/openai/v1/chat/completions';

describe('modelOfRequest', () => {
  it('reads the model an SDK serialised first without parsing the conversation', () => {
    // The rest of the body is not JSON at all: only the leading `model` was read.
    expect(modelOf(groqURL, { body: '{"model":"openai/gpt-oss-20b","messages":[ not json' })).toEqual({ provider: 'groq', model: 'openai/gpt-oss-20b' });
  });

  it('parses the whole body when the model is not first or is escaped', () => {
    expect(modelOf(groqURL, { body: JSON.stringify({ stream: true, model: 'openai/gpt-oss-120b' }) })?.model).toBe('openai/gpt-oss-120b');
    expect(modelOf(groqURL, { body: '{"model":"odd\\"id","stream":true}' })?.model).toBe('odd"id');
    expect(modelOf(groqURL, { body: '{"stream":true' })).toBeUndefined();
  });

  it('reads the multipart model field and skips requests to other hosts', () => {
    const form = new FormData();
    form.set('model', 'whisper-large-v3-turbo');
    expect(modelOf(`https://api.openai.com/v1/audio/transcriptions`, { body: form })).toEqual({ provider: 'openai', model: 'whisper-large-v3-turbo' });
    expect(modelOf('https://example.com/v1/chat/completions', { body: '{"model":"x"}' })).toBeUndefined();
  });
});
