import { apiBlob } from '../api/client';

/**
 * Saves a file the API serves, fetched with the bearer token (a bare link would carry none), under
 * the name its Content-Disposition gives, else `fallbackName`.
 */
export async function saveFile(path: string, fallbackName: string): Promise<void> {
  const { blob, fileName } = await apiBlob(path);
  const url = URL.createObjectURL(blob);
  try {
    const link = window.document.createElement('a');
    link.href = url;
    link.download = fileName ?? fallbackName;
    window.document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // the click has started the download; the URL may go once it has been handed over
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
