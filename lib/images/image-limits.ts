/** Groq's vision limits (PROVIDERS.md), shared by the browser's normaliser and the server's checks. */
export const imageLimits = {
  /** Images one request may carry. */
  maxImages: 5,
  /** Characters of base64 data URLs one request may carry, all images together. */
  maxBase64Bytes: 4 * 1024 * 1024,
  /** Pixels of one image. */
  maxPixels: 33_000_000,
} as const;

/** The media types the vision models accept as they are. */
export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** One of the media types the vision models accept. */
export type AcceptedImageType = (typeof acceptedImageTypes)[number];

/** Whether a media type is one the vision models accept as it is. */
export function isAcceptedImageType(mediaType: string): mediaType is AcceptedImageType {
  return (acceptedImageTypes as readonly string[]).includes(mediaType);
}
