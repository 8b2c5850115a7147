/** An audio container Whisper accepts, recognised by its first bytes. */
export type AudioFormat = 'webm' | 'ogg' | 'mp4' | 'wav' | 'mp3' | 'flac';

/** What the bytes turned out to be: the container, its media type and a file extension for upstream uploads. */
export interface SniffedAudio {
  format: AudioFormat;
  mediaType: string;
  extension: string;
}

const described: Record<AudioFormat, Omit<SniffedAudio, 'format'>> = {
  webm: { mediaType: 'audio/webm', extension: 'webm' },
  ogg: { mediaType: 'audio/ogg', extension: 'ogg' },
  mp4: { mediaType: 'audio/mp4', extension: 'm4a' },
  wav: { mediaType: 'audio/wav', extension: 'wav' },
  mp3: { mediaType: 'audio/mpeg', extension: 'mp3' },
  flac: { mediaType: 'audio/flac', extension: 'flac' },
};

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function formatOf(bytes: Uint8Array): AudioFormat | undefined {
  if (bytes.length < 12) return undefined;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'wav';
  if (ascii(bytes, 0, 4) === 'OggS') return 'ogg';
  // EBML header: Matroska and WebM (what Chrome and Firefox's MediaRecorder write).
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  // ISO base media (Safari's MediaRecorder, .m4a): a size, then the `ftyp` box.
  if (ascii(bytes, 4, 8) === 'ftyp') return 'mp4';
  if (ascii(bytes, 0, 4) === 'fLaC') return 'flac';
  if (ascii(bytes, 0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame sync with a real layer (layer bits 00 would be AAC in ADTS, which Whisper refuses).
  const second = bytes[1] ?? 0;
  if (bytes[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return 'mp3';
  return undefined;
}

/** Identifies audio by its magic bytes, whatever type the upload claimed; undefined means not audio Whisper takes. */
export function sniffAudio(bytes: Uint8Array): SniffedAudio | undefined {
  const format = formatOf(bytes);
  return format === undefined ? undefined : { format, ...described[format] };
}
