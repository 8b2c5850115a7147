import { imageLimits } from './image-limits';

/**
 * The data-URL budget the next image may use, given the sizes of the images already attached.
 * Each new image takes at most an equal slice of what is left for the slots still open, so any
 * set of up to `maxImages` images stays within the total, and small images leave room for big ones.
 */
export function imageShare(usedLengths: readonly number[], total: number = imageLimits.maxBase64Bytes, maxImages: number = imageLimits.maxImages): number {
  const slotsLeft = maxImages - usedLengths.length;
  if (slotsLeft <= 0) return 0;
  const left = total - usedLengths.reduce((sum, length) => sum + length, 0);
  return Math.max(0, Math.floor(left / slotsLeft));
}
