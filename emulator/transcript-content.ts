import { readHints } from './emulate-hints.ts';
import { splitTokens } from './tokens.ts';

/** A Whisper segment as verbose_json reports it. */
export type TranscriptSegment = {
  id: number;
  seek: number;
  start: number;
  end: number;
  text: string;
  tokens: number[];
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
};

/** A word with its timing, when word granularity was requested. */
export type TranscriptWord = { word: string; start: number; end: number };

/** Picks the transcript: a `[emulate transcript=...]` hint in the prompt, then the configured text, then a visibly fake default. */
export function transcriptText(options: { model: string; durationSeconds: number; prompt?: string; configured?: string }): string {
  const hinted = options.prompt ? readHints(options.prompt).transcript : undefined;
  const chosen = hinted ?? options.configured;
  // Whisper transcripts start with a space; keep that so clients see the real shape.
  if (chosen !== undefined) return chosen.startsWith(' ') || chosen === '' ? chosen : ` ${chosen}`;
  return ` [emulated ${options.model} transcript of ${options.durationSeconds.toFixed(1)} s of audio]`;
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

/** Splits a transcript into sentence segments spread over the audio in proportion to their length. */
export function transcriptSegments(text: string, durationSeconds: number, silent: boolean): TranscriptSegment[] {
  // A sentence ends at . ! or ? followed by whitespace, so "2.4 s" stays whole.
  const sentences = silent || text.trim() === '' ? [text] : (text.match(/.*?(?:[.!?]+(?=\s|$)|$)\s*/gs) ?? [text]).filter((sentence) => sentence !== '');
  const totalLength = sentences.reduce((sum, sentence) => sum + sentence.length, 0) || 1;
  let cursor = 0;
  return sentences.map((sentence, index) => {
    const start = cursor;
    cursor += (sentence.length / totalLength) * durationSeconds;
    const clean = sentence.replace(/\s+$/, '');
    return {
      id: index,
      seek: 0,
      start: round(start),
      end: round(index === sentences.length - 1 ? durationSeconds : cursor),
      text: clean.startsWith(' ') || clean === '' ? clean : ` ${clean}`,
      tokens: splitTokens(clean).map((_, position) => 50365 + index * 100 + position),
      temperature: 0,
      avg_logprob: silent ? -1.2 : -0.29,
      compression_ratio: silent ? 0 : 1.2,
      no_speech_prob: silent ? 0.97 : 0.03,
    };
  });
}

/** Word timings spread evenly over the audio. */
export function transcriptWords(text: string, durationSeconds: number): TranscriptWord[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const each = words.length === 0 ? 0 : durationSeconds / words.length;
  return words.map((word, index) => ({ word, start: round(index * each), end: round((index + 1) * each) }));
}
