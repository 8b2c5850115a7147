'use client';

import { CloseIcon } from '@/components/ui/icons';
import { imageLimits } from '@/lib/images/image-limits';
import type { ImageAttachment } from './use-image-attachments';

const stageText: Record<Exclude<ImageAttachment['stage'], 'ready'>, string> = {
  queued: 'Waiting…',
  decoding: 'Opening…',
  resizing: 'Resizing…',
  reading: 'Reading…',
};

type AttachmentTrayProps = {
  attachments: ImageAttachment[];
  notice?: string;
  onRemove: (id: string) => void;
  onDismissNotice: () => void;
};

/** Thumbnails of the images about to be sent, with progress, remove buttons, the limits and any refusal. */
export function AttachmentTray({ attachments, notice, onRemove, onDismissNotice }: AttachmentTrayProps) {
  if (attachments.length === 0 && !notice) return null;
  const working = attachments.filter((each) => each.stage !== 'ready').length;
  const resized = attachments.some((each) => each.image?.reencoded);
  return (
    <div className="px-3 pt-3" data-testid="attachment-tray">
      {attachments.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Attached images">
          {attachments.map((attachment, index) => (
            <li key={attachment.id} className="relative" data-testid="attachment" data-stage={attachment.stage}>
              <Thumbnail attachment={attachment} position={index + 1} />
              <button
                type="button"
                onClick={() => onRemove(attachment.id)}
                aria-label={`Remove image ${index + 1}`}
                title={`Remove ${attachment.name}`}
                className="absolute -top-1.5 -right-1.5 inline-flex size-5 items-center justify-center rounded-full bg-zinc-800 text-white shadow hover:bg-zinc-600 dark:bg-zinc-200 dark:text-zinc-900 [&_svg]:size-3"
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      {attachments.length > 0 && (
        <p className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="attachment-status">
          {working > 0
            ? `Preparing ${working === 1 ? 'image' : `${working} images`}…`
            : `${attachments.length} of ${imageLimits.maxImages} images${resized ? ' · large pictures are resized to fit the model’s limits (4 MB per message)' : ''}`}
        </p>
      )}
      {notice && (
        <p role="alert" className="mt-1.5 flex items-start gap-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="attachment-notice">
          <span className="flex-1">{notice}</span>
          <button type="button" onClick={onDismissNotice} className="underline">Dismiss</button>
        </p>
      )}
    </div>
  );
}

function Thumbnail({ attachment, position }: { attachment: ImageAttachment; position: number }) {
  const { image } = attachment;
  if (!image) {
    return (
      <div className="flex size-16 flex-col items-center justify-center gap-1 rounded-lg border border-zinc-200 bg-zinc-50 text-[10px] text-zinc-600 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
        <span className="size-4 animate-spin rounded-full border-2 border-zinc-300 border-t-orange-600 motion-reduce:animate-none" aria-hidden="true" />
        {stageText[attachment.stage as keyof typeof stageText]}
      </div>
    );
  }
  const sizeNote = image.reencoded
    ? `resized from ${image.originalSize.width}×${image.originalSize.height} to ${image.size.width}×${image.size.height}`
    : `${image.size.width}×${image.size.height}`;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data URL preview; next/image adds nothing here
    <img
      src={image.url}
      alt={`Image ${position}: ${attachment.name}, ${sizeNote}`}
      title={`${attachment.name} · ${sizeNote}`}
      className="size-16 rounded-lg border border-zinc-200 object-cover dark:border-zinc-700"
    />
  );
}
