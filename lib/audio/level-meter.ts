/** Live loudness of a microphone stream, read on demand (RMS of the latest ~40 ms, 0..1). */
export interface LevelMeter {
  read(): number;
  close(): void;
}

/** Taps a stream with an AnalyserNode; nothing is played back. */
export function createLevelMeter(stream: MediaStream): LevelMeter {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  // Some browsers start a context suspended until a user gesture; recording began with one.
  void context.resume().catch(() => undefined);
  return {
    read() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return Math.sqrt(sum / samples.length);
    },
    close() {
      void context.close().catch(() => undefined);
    },
  };
}
