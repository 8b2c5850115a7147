/** Builds a 16-bit mono PCM WAV in memory for tests: a sine tone, or silence when amplitude is 0. */
export function makeWav(options: { seconds: number; sampleRate?: number; frequency?: number; amplitude?: number }): Uint8Array<ArrayBuffer> {
  const sampleRate = options.sampleRate ?? 16_000;
  const amplitude = options.amplitude ?? 0.5;
  const frequency = options.frequency ?? 440;
  const count = Math.round(options.seconds * sampleRate);
  const buffer = Buffer.alloc(44 + count * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + count * 2, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(count * 2, 40);
  for (let index = 0; index < count; index += 1) {
    const value = amplitude * Math.sin((2 * Math.PI * frequency * index) / sampleRate);
    buffer.writeInt16LE(Math.round(value * 32767), 44 + index * 2);
  }
  return new Uint8Array(buffer);
}
