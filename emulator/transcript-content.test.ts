import { describe, expect, it } from 'vitest';
import { transcriptSegments, transcriptText } from './transcript-content.ts';

describe('transcriptText', () => {
  it('prefers a prompt hint, then the configured text, then a visibly fake default', () => {
    expect(transcriptText({ model: 'm', durationSeconds: 1, prompt: 'names: Ada [emulate transcript=Call Ada.]', configured: 'Other.' })).toBe(' Call Ada.');
    expect(transcriptText({ model: 'm', durationSeconds: 1, prompt: 'plain context', configured: 'Other.' })).toBe(' Other.');
    expect(transcriptText({ model: 'whisper-x', durationSeconds: 2.44 })).toBe(' [emulated whisper-x transcript of 2.4 s of audio]');
  });
});

describe('transcriptSegments', () => {
  it('splits sentences and spreads them over the audio in proportion to their length', () => {
    const segments = transcriptSegments(' Hello there. It is 2.5 degrees!', 4, false);
    expect(segments.map((segment) => segment.text)).toEqual([' Hello there.', ' It is 2.5 degrees!']);
    expect(segments[0]!.start).toBe(0);
    expect(segments[1]!.end).toBe(4);
    expect(segments[0]!.end).toBe(segments[1]!.start);
  });
});
