/**
 * MHTML ("single file web page", MIME multipart/related), which Excel and some 财政 systems write
 * under the name `.xls`: the first text/html part, its transfer encoding (quoted-printable or base64)
 * undone, decoded in its declared charset. The HTML reader then reads the tables.
 */
import { decode, encodingFromLabel } from '../encoding.js';

/** Whether bytes look like an MHTML file (a MIME header block declaring multipart/related). */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /^MIME-Version:/im.test(head) && /Content-Type:\s*multipart\/related/i.test(head);
}

/** The HTML of an MHTML file, or undefined when it holds no text/html part. */
export function mhtmlToHtml(bytes: Uint8Array): string | undefined {
  const raw = Buffer.from(bytes).toString('latin1');
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return undefined;
  const parts = raw.split(`--${boundary}`).slice(1);
  for (const part of parts) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/Content-Type:\s*text\/html/i.test(headers)) continue;
    let body = part.slice(split.index + split[0].length);
    const transfer = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    let data: Buffer;
    if (transfer === 'quoted-printable') {
      body = body.replace(/=\r?\n/g, '');
      data = Buffer.from(body.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    } else if (transfer === 'base64') {
      data = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    } else {
      data = Buffer.from(body, 'latin1');
    }
    const label = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1];
    return decode(data, label ? encodingFromLabel(label) : undefined).text;
  }
  return undefined;
}
