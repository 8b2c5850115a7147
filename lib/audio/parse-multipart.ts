import { FlintError } from '@/lib/errors';

/** One part of a multipart/form-data body; `data` is a view into the body, not a copy. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Uint8Array<ArrayBuffer>;
}

const maxParts = 16;
const maxHeaderBytes = 8 * 1024;
const crlf = Buffer.from('\r\n');
const headerEnd = Buffer.from('\r\n\r\n');

/**
 * Splits a multipart/form-data body into its parts without copying any part's bytes, so a 25 MB
 * recording is held once (Request.formData() and Blob.arrayBuffer() each made another copy).
 * Throws 400 for a body that is not a well-formed form.
 */
export function parseMultipart(body: Uint8Array<ArrayBuffer>, contentType: string): MultipartPart[] {
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw unreadable();
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${marker}`);
  const nextDelimiter = Buffer.from(`\r\n--${marker}`);

  let cursor = bytes.indexOf(delimiter);
  if (cursor === -1) throw unreadable();
  const parts: MultipartPart[] = [];
  for (;;) {
    cursor += delimiter.byteLength;
    if (bytes[cursor] === 0x2d && bytes[cursor + 1] === 0x2d) return parts; // the closing "--boundary--"
    if (!bytes.subarray(cursor, cursor + 2).equals(crlf)) throw unreadable();
    cursor += 2;
    const headersEnd = bytes.indexOf(headerEnd, cursor);
    if (headersEnd === -1 || headersEnd - cursor > maxHeaderBytes) throw unreadable();
    const headers = bytes.subarray(cursor, headersEnd).toString('utf8');
    const dataStart = headersEnd + headerEnd.byteLength;
    const dataEnd = bytes.indexOf(nextDelimiter, dataStart);
    if (dataEnd === -1) throw unreadable();
    if (parts.length === maxParts) throw new FlintError('bad_request:api', { message: `The upload has more than ${maxParts} fields.` });
    parts.push({ ...describePart(headers), data: body.subarray(dataStart, dataEnd) });
    cursor = dataEnd + 2;
  }
}

function describePart(headers: string): Omit<MultipartPart, 'data'> {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value.toLowerCase();
  }
  if (!disposition || !/^form-data\b/i.test(disposition)) throw unreadable();
  const name = parameter(disposition, 'name');
  if (name === undefined) throw unreadable();
  const filename = parameter(disposition, 'filename');
  return { name, ...(filename === undefined ? {} : { filename }), ...(contentType === undefined ? {} : { contentType }) };
}

/** A `key="value"` (or bare `key=value`) parameter of a header, e.g. name or filename of Content-Disposition. */
function parameter(header: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}

function unreadable() {
  return new FlintError('bad_request:api', { message: 'The upload is not a readable multipart form.' });
}
