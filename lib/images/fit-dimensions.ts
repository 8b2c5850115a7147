/** A width and height in pixels. */
export type Dimensions = { width: number; height: number };

/** Scales `size` down (never up) so it has at most `maxPixels` pixels, keeping its aspect ratio. */
export function fitDimensions(size: Dimensions, maxPixels: number): Dimensions {
  const pixels = size.width * size.height;
  if (pixels <= maxPixels) return size;
  const scale = Math.sqrt(maxPixels / pixels);
  // Flooring both sides can only lower the product, so the result stays within maxPixels;
  // a side that would round to zero is kept at one pixel and the other side pays for it.
  const width = Math.max(1, Math.floor(size.width * scale));
  const height = Math.max(1, Math.floor(size.height * scale));
  if (height === 1) return { width: Math.min(width, maxPixels), height };
  if (width === 1) return { width, height: Math.min(height, maxPixels) };
  return { width, height };
}
