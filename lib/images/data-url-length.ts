/** The length of `data:<mediaType>;base64,<payload>` for a payload of `byteCount` bytes. */
export function dataUrlLength(byteCount: number, mediaType: string): number {
  return `data:${mediaType};base64,`.length + 4 * Math.ceil(byteCount / 3);
}
