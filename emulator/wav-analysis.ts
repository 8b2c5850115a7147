/** What the emulator learns from a WAV file: its real length and whether anyone spoke. */
export type WavAnalysis = { durationSeconds: number; rms: number };

/** RMS under this (about -46 dBFS) counts as silence. */
export const silenceRms = 0.005;

const maxSampledValues = 2_000_000;

type Format = { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number; byteRate: number; blockAlign: number };

function readFormat(view: DataView, offset: number): Format {
  return {
    audioFormat: view.getUint16(offset, true),
    channels: view.getUint16(offset + 2, true),
    sampleRate: view.getUint32(offset + 4, true),
    byteRate: view.getUint32(offset + 8, true),
    blockAlign: view.getUint16(offset + 12, true),
    bitsPerSample: view.getUint16(offset + 14, true),
  };
}

function sampleAt(view: DataView, offset: number, format: Format): number {
  const float = format.audioFormat === 3;
  switch (format.bitsPerSample) {
    case 8: return (view.getUint8(offset) - 128) / 128;
    case 16: return view.getInt16(offset, true) / 32768;
    case 24: return ((view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getInt8(offset + 2) << 16))) / 8388608;
    case 32: return float ? view.getFloat32(offset, true) : view.getInt32(offset, true) / 2147483648;
    case 64: return view.getFloat64(offset, true);
    default: return 0;
  }
}

/** Reads a RIFF/WAVE file's duration from its header and the RMS level of its PCM samples; undefined if malformed. */
export function analyzeWav(bytes: Uint8Array): WavAnalysis | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let format: Format | undefined;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const declared = view.getUint32(offset + 4, true);
    const start = offset + 8;
    if (id === 'fmt ' && start + 16 <= bytes.length) format = readFormat(view, start);
    if (id === 'data' && format) {
      // Streaming writers leave the size at 0 or 0xFFFFFFFF; trust the bytes actually present then.
      const available = bytes.length - start;
      const size = declared === 0 || declared > available ? available : declared;
      return analyzeData(view, start, size, format);
    }
    offset = start + declared + (declared % 2);
  }
  return undefined;
}

function analyzeData(view: DataView, start: number, size: number, format: Format): WavAnalysis | undefined {
  const bytesPerSample = format.bitsPerSample / 8;
  if (format.byteRate === 0 || bytesPerSample < 1) return undefined;
  const durationSeconds = size / format.byteRate;
  const count = Math.floor(size / bytesPerSample);
  // Sample a bounded subset so a 25 MB upload costs the same CPU as a short one.
  const step = Math.max(1, Math.floor(count / maxSampledValues));
  let sumSquares = 0;
  let sampled = 0;
  for (let index = 0; index < count; index += step) {
    const value = sampleAt(view, start + index * bytesPerSample, format);
    sumSquares += value * value;
    sampled += 1;
  }
  return { durationSeconds, rms: sampled === 0 ? 0 : Math.sqrt(sumSquares / sampled) };
}
