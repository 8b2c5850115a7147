import { isAcceptedImageType } from './image-limits';

/** What the normaliser does with a picked file before reading it. */
export type FileKind =
  /** JPEG, PNG, WebP or GIF: may be sent unchanged if it is within the limits. */
  | 'accepted'
  /** HEIC/HEIF: converted if this browser can decode it. */
  | 'heic'
  /** Another image type (AVIF, BMP, TIFF…): converted if this browser can decode it. */
  | 'other-image'
  /** Not an image: refused with a message. */
  | 'not-image';

const heicPattern = /\.(heic|heif)$/i;
const imageExtensions = /\.(png|jpe?g|webp|gif|avif|bmp|tiff?|ico)$/i;

/** Classifies a file by its media type, falling back to its name (pasted and iOS files often have no type). */
export function classifyFile(name: string, mediaType: string): FileKind {
  const type = mediaType.toLowerCase();
  if (type === 'image/heic' || type === 'image/heif' || heicPattern.test(name)) return 'heic';
  if (isAcceptedImageType(type)) return 'accepted';
  if (type.startsWith('image/')) return type === 'image/svg+xml' ? 'not-image' : 'other-image';
  if (type === '' && imageExtensions.test(name)) return 'other-image';
  return 'not-image';
}
