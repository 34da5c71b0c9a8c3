/**
 * Downloads a file from the API (a report): fetched first, so that a refusal or a server error is shown as a
 * message instead of being saved as a broken file; then handed to the browser under the server's file name.
 */
import { apiErrorFrom } from '../api.js';

/** The file name of a Content-Disposition header (RFC 6266: filename* in UTF-8 first, then filename). */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Fetches `url` and saves it; throws an ApiError with the server's message when it is refused. */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    throw apiErrorFrom(res.status, body);
  }
  const name = dispositionFileName(res.headers.get('Content-Disposition'), fallbackName);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
