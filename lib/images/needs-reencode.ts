import { dataUrlLength } from './data-url-length';
import type { FileKind } from './classify-file';
import type { Dimensions } from './fit-dimensions';
import { imageLimits } from './image-limits';

/** Whether an image must be re-encoded, or can be sent byte for byte (a small PNG stays a PNG). */
export function needsReencode(image: { kind: FileKind; mediaType: string; size: Dimensions; byteCount: number }, budget: number): boolean {
  if (image.kind !== 'accepted') return true;
  if (image.size.width * image.size.height > imageLimits.maxPixels) return true;
  return dataUrlLength(image.byteCount, image.mediaType) > budget;
}
