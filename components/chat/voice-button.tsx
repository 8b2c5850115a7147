/**
 * Slot for the record button (accessible name containing "voice"), built by the voice feature.
 * Renders nothing until then; `onTranscript` is how it will hand text to the composer.
 */
export function VoiceButton(_props: { disabled: boolean; onTranscript: (text: string) => void }) {
  return null;
}
