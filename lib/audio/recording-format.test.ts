import { describe, expect, it } from 'vitest';
import { pickRecordingFormat, recordingFileName } from './recording-format';

describe('pickRecordingFormat', () => {
  it('prefers Opus in WebM where it exists (Chrome, Firefox)', () => {
    expect(pickRecordingFormat(() => true)).toBe('audio/webm;codecs=opus');
  });

  it('falls back to MP4 on Safari, which records no WebM or Ogg', () => {
    const safari = new Set(['audio/mp4', 'audio/mp4;codecs=mp4a.40.2']);
    expect(pickRecordingFormat((type) => safari.has(type))).toBe('audio/mp4;codecs=mp4a.40.2');
  });

  it('lets the browser choose when nothing matches or the check throws', () => {
    expect(pickRecordingFormat(() => false)).toBeUndefined();
    expect(pickRecordingFormat(() => { throw new Error('not implemented'); })).toBeUndefined();
  });
});

describe('recordingFileName', () => {
  it.each([
    ['audio/webm;codecs=opus', 'recording.webm'],
    ['audio/mp4', 'recording.m4a'],
    ['audio/ogg; codecs=opus', 'recording.ogg'],
    ['', 'recording.webm'],
  ])('names %s as %s', (type, name) => {
    expect(recordingFileName(type)).toBe(name);
  });
});

describe('recordingFileName, whatever the case of the type', () => {
  it('names an upper-case type by its extension', () => {
    expect(recordingFileName('AUDIO/MP4')).toBe('recording.m4a');
    expect(recordingFileName('Audio/Ogg; codecs=opus')).toBe('recording.ogg');
  });
});
