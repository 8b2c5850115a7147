/**
 * Slot for the attach-image button (accessible name containing "image"), built by the images
 * feature. Renders nothing until then; `onFiles` is how it will hand files to the composer.
 */
export function AttachButton(_props: { disabled: boolean; onFiles: (files: FileList) => void }) {
  return null;
}
