// Opus in WebM (Chrome, Edge, Firefox), Opus in Ogg (older Firefox), AAC in MP4 (Safari): all are Whisper-ready.
const preferredTypes = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4;codecs=mp4a.40.2', 'audio/mp4', 'audio/webm', 'audio/ogg'];

/** The first recording format this browser's MediaRecorder supports; undefined lets the browser choose. */
export function pickRecordingFormat(isTypeSupported: (type: string) => boolean): string | undefined {
  return preferredTypes.find((type) => {
    try {
      return isTypeSupported(type);
    } catch {
      return false;
    }
  });
}

/** A file name whose extension matches the recorded type, so the upload looks like what it is. */
export function recordingFileName(mediaType: string): string {
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = base === 'audio/mp4' ? 'm4a' : base === 'audio/ogg' ? 'ogg' : base === 'audio/wav' ? 'wav' : 'webm';
  return `recording.${extension}`;
}
