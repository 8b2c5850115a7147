import { fitDimensions, type Dimensions } from './fit-dimensions';
import { imageLimits } from './image-limits';

/** Data-URL characters a re-encoded photo takes per pixel, a deliberately high first guess (JPEG/WebP at 0.85). */
export const charsPerPixelGuess = 0.4;
/** Re-encoding quality: high enough for text in screenshots to stay legible. */
export const encodeQuality = 0.85;
/** Attempts before giving up on reaching the budget (each shrinks the picture). */
export const maxEncodeAttempts = 6;

/** The size to try first: within the pixel limit and, by the guess, within the budget. */
export function firstEncodingSize(source: Dimensions, budget: number, maxPixels: number = imageLimits.maxPixels): Dimensions {
  return fitDimensions(source, Math.min(maxPixels, Math.floor(budget / charsPerPixelGuess)));
}

/**
 * The next size to try after an encoding came out `producedLength` long, or undefined when it fits.
 * Encoded size grows roughly with the pixel count, so the pixels shrink by the overshoot plus a margin.
 */
export function nextEncodingSize(tried: Dimensions, producedLength: number, budget: number): Dimensions | undefined {
  if (producedLength <= budget) return undefined;
  const pixels = tried.width * tried.height;
  return fitDimensions(tried, Math.floor(pixels * (budget / producedLength) * 0.85));
}
