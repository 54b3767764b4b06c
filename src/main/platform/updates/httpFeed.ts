import fs from 'node:fs';
import path from 'node:path';
import { installerFile, parseUpdateInfo, sha512Base64 } from './updateInfo';
import type { UpdateInfo } from './updateInfo';

/** The base URL electron-updater's generic provider uses: always ends in a slash. */
export function feedBaseUrl(feedUrl: string): URL {
  const url = new URL(feedUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Reads and validates a channel file (latest.yml …) from a generic update server. */
export async function fetchUpdateInfo(
  feedUrl: string,
  channelFile: string,
  fetchImpl: typeof fetch = fetch,
): Promise<UpdateInfo | null> {
  const url = new URL(channelFile, feedBaseUrl(feedUrl));
  const response = await fetchImpl(url, { headers: { 'cache-control': 'no-cache' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
  const parsed = parseUpdateInfo(await response.text());
  if (!parsed.ok) throw new Error(`${channelFile} is ongeldig: ${parsed.detail}`);
  return parsed.value;
}

/**
 * Downloads the release's installer and checks its sha512 against the channel file, as
 * electron-updater does before it will install anything. A mismatch deletes the file and throws.
 */
export async function downloadVerified(
  feedUrl: string,
  info: UpdateInfo,
  targetDir: string,
  options: { extension?: string; fetchImpl?: typeof fetch; onProgress?: (percent: number) => void } = {},
): Promise<string> {
  const file = installerFile(info, options.extension);
  if (!file) throw new Error('De update-informatie noemt geen installatiebestand.');
  const url = new URL(file.url, feedBaseUrl(feedUrl));
  const response = await (options.fetchImpl ?? fetch)(url);
  if (!response.ok || !response.body) throw new Error(`${url.href}: HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const total = file.size ?? Number(response.headers.get('content-length') ?? 0);
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    received += chunk.length;
    if (total > 0) options.onProgress?.((received / total) * 100);
  }
  const bytes = Buffer.concat(chunks);
  if (file.size !== undefined && bytes.length !== file.size)
    throw new Error(`Het installatiebestand heeft ${bytes.length} bytes, verwacht ${file.size}.`);
  if (sha512Base64(bytes) !== file.sha512)
    throw new Error(
      'sha512 checksum mismatch: het gedownloade installatiebestand komt niet overeen met de update-informatie.',
    );
  fs.mkdirSync(targetDir, { recursive: true });
  const target = path.join(targetDir, path.basename(decodeURIComponent(url.pathname)));
  fs.writeFileSync(target, bytes);
  return target;
}
