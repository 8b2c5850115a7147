'use client';

import { useRef } from 'react';
import { IconButton } from '@/components/ui/icon-button';

/** What the file picker offers; other image types are still accepted by paste and drop. */
const pickerAccept = 'image/png,image/jpeg,image/webp,image/gif,image/heic,image/heif,.heic,.heif,image/*';

/** The paper-clip button that opens a file picker for one or more images. */
export function AttachButton({ disabled, onFiles }: { disabled: boolean; onFiles: (files: FileList) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton label="Attach images (up to 5: JPEG, PNG, WebP, GIF or HEIC)" onClick={() => input.current?.click()} disabled={disabled} data-testid="attach-image">
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
          <path d="m21 11-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7" />
        </svg>
      </IconButton>
      <input
        ref={input}
        type="file"
        accept={pickerAccept}
        multiple
        hidden
        data-testid="attach-image-input"
        onChange={(event) => {
          if (event.target.files?.length) onFiles(event.target.files);
          // Cleared so picking the same file again still fires a change.
          event.target.value = '';
        }}
      />
    </>
  );
}
