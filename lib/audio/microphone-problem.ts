/** Why recording could not start, in words that tell the user what to do about it. */
export function microphoneProblem(cause: unknown): string {
  if (cause === 'insecure') return 'Voice input needs a secure page. Open Flint over https:// or on localhost.';
  if (cause === 'unsupported') return 'This browser cannot record audio. Try a current Chrome, Edge, Firefox or Safari.';
  const name = typeof cause === 'object' && cause !== null && 'name' in cause ? String(cause.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return 'Microphone access is blocked. Allow the microphone for this site in your browser (the icon beside the address), then try again.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return 'No microphone was found. Connect one (or check it is enabled in your system settings) and try again.';
  }
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') {
    return 'The microphone could not start; another app may be using it. Close that app and try again.';
  }
  return 'Recording could not start. Check your microphone and try again.';
}

/** Why a finished recording is not worth sending, or undefined when it is. */
export function recordingProblem(recording: { durationMs: number; peakLevel: number }): string | undefined {
  if (recording.durationMs < minimumRecordingMs) return 'That was too short to transcribe. Hold the button (or Alt+V) a little longer while you speak.';
  if (recording.peakLevel < silenceLevel) return 'No sound reached the microphone. Check it is not muted, then try again.';
  return undefined;
}

/** Recordings shorter than this hold no words worth a round trip. */
export const minimumRecordingMs = 600;
/** Peak RMS below this is silence (a muted or dead microphone); speech at arm's length reaches ~0.05. */
export const silenceLevel = 0.008;
