import { describe, expect, it } from 'vitest';
import { microphoneProblem, recordingProblem } from './microphone-problem';

describe('microphoneProblem', () => {
  it.each([
    ['NotAllowedError', /blocked.*Allow the microphone/],
    ['NotFoundError', /No microphone was found/],
    ['NotReadableError', /another app/],
    ['SomethingNew', /could not start/],
  ])('explains %s', (name, message) => {
    expect(microphoneProblem(new DOMException('x', name))).toMatch(message);
  });

  it('tells an insecure page to use https or localhost', () => {
    expect(microphoneProblem('insecure')).toMatch(/https:\/\/ or on localhost/);
  });
});

describe('recordingProblem', () => {
  it('refuses a recording that is too short', () => {
    expect(recordingProblem({ durationMs: 200, peakLevel: 0.3 })).toMatch(/too short/);
  });

  it('refuses a silent recording', () => {
    expect(recordingProblem({ durationMs: 5000, peakLevel: 0.001 })).toMatch(/No sound/);
  });

  it('accepts speech', () => {
    expect(recordingProblem({ durationMs: 3000, peakLevel: 0.1 })).toBeUndefined();
  });
});
