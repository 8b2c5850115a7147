/** Audio containers the providers accept, recognised by their first bytes. */
export type AudioFormat = 'wav' | 'ogg' | 'webm' | 'mp4' | 'mp3' | 'flac';

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Identifies an audio file by its magic bytes; undefined means "not audio the provider would take". */
export function sniffAudio(bytes: Uint8Array): AudioFormat | undefined {
  if (bytes.length < 12) return undefined;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'wav';
  if (ascii(bytes, 0, 4) === 'OggS') return 'ogg';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (ascii(bytes, 4, 8) === 'ftyp') return 'mp4';
  if (ascii(bytes, 0, 4) === 'fLaC') return 'flac';
  if (ascii(bytes, 0, 3) === 'ID3') return 'mp3';
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return 'mp3';
  return undefined;
}

// Typical bitrates (bits per second) used to guess a compressed file's length from its size:
// MP3/AAC at 128 kb/s, Opus from a browser's MediaRecorder at about 48 kb/s, FLAC at about 700 kb/s.
const typicalBitrates: Record<Exclude<AudioFormat, 'wav'>, number> = { mp3: 128_000, mp4: 128_000, ogg: 48_000, webm: 48_000, flac: 700_000 };

/** Guesses the duration of a compressed file from its size and a typical bitrate. */
export function estimateDuration(format: Exclude<AudioFormat, 'wav'>, byteLength: number): number {
  return (byteLength * 8) / typicalBitrates[format];
}
