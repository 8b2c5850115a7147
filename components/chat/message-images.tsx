import type { FlintUIMessage } from '@/lib/chat/message';

/** The images a question carried, as small previews above its text. */
export function MessageImages({ message }: { message: FlintUIMessage }) {
  const images = message.parts.flatMap((part) => (part.type === 'file' && part.mediaType.startsWith('image/') ? [part] : []));
  if (images.length === 0) return null;
  return (
    <ul className="mb-1 flex flex-wrap justify-end gap-1.5" aria-label="Attached images" data-testid="message-images">
      {images.map((image, index) => (
        <li key={index}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL the user attached */}
          <img src={image.url} alt={`Attached image ${index + 1}${image.filename ? `: ${image.filename}` : ''}`} className="max-h-40 max-w-56 rounded-xl border border-zinc-200 object-cover dark:border-zinc-700" />
        </li>
      ))}
    </ul>
  );
}
