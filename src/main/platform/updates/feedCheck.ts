import type { KeyObject } from 'node:crypto';
import { load } from 'js-yaml';
import compare from 'semver/functions/compare.js';
import { z } from 'zod';
import type { FeedRefusal } from '../../../shared/i18n/updateText';
import { verifyFeedSignature } from './signedFeed';
import { channelFileName, stagingFraction, updateInfoSchema } from './updateInfo';
import type { UpdateInfo } from './updateInfo';
import { brusselsMinuteOfDay, formatWindow, insideWindow } from './updatePolicy';
import type { InstallWindow } from '../policy/parsePolicy';

/**
 * The one reader of the update feed, shared by the shell (before electron-updater may download)
 * and `balie update check`: fetch `latest*.yml` and its `.sig`, verify the exact bytes against the
 * pinned release keys, and only then parse them; refuse a downgrade, a feed older than the last
 * one this machine accepted, and an expired feed. Then decide: update now, not now, or nothing.
 */
export type { FeedRefusal } from '../../../shared/i18n/updateText';

export type FeedCheck =
  | { verdict: 'update'; reason: 'newer_in_rollout'; version: string; feed: VerifiedFeed }
  | {
      verdict: 'not-now';
      reason: 'outside_rollout' | 'outside_install_hours';
      version: string;
      feed: VerifiedFeed;
    }
  | { verdict: 'up-to-date'; reason: 'same_version'; version: string; feed: VerifiedFeed }
  | { verdict: 'refused'; reason: FeedRefusal; version: string | null }
  | { verdict: 'unreachable'; reason: 'network' | 'not_found' | 'http_error'; version: null };

export type FeedVerdict = FeedCheck['verdict'];

/** What a machine remembers of the last feed it accepted (for freeze and rollback protection). */
export interface FeedMark {
  sequence: number;
  releaseDate: string | null;
}

export interface VerifiedFeed {
  /** The exact verified bytes, as electron-updater must receive them. */
  bytes: Uint8Array;
  info: UpdateInfo;
  sequence: number;
  expires: string;
  keyId: string;
}

export type FetchBytes = (
  url: string,
) => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: 'network' | 'not_found' | 'http_error' }>;

export interface FeedCheckInput {
  /** The feed's base URL, as electron-updater's generic provider takes it. */
  baseUrl: string;
  channel: string;
  platform: NodeJS.Platform;
  arch: string;
  currentVersion: string;
  pinnedKeys: readonly KeyObject[];
  lastAccepted: FeedMark | null;
  /** electron-updater's per-installation staging id (a UUID), or null when none was made yet. */
  stagingUserId: string | null;
  installWindow: InstallWindow | null;
  now: Date;
  fetchBytes: FetchBytes;
}

const stampSchema = z.object({
  sequence: z.number().int().nonnegative(),
  expires: z.string().datetime({ offset: true }),
});

export function feedUrls(baseUrl: string, channel: string, platform: NodeJS.Platform, arch: string) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const feed = new URL(channelFileName(channel, platform, arch), base).toString();
  return { feed, signature: `${feed}.sig` };
}

/** Verifies feed bytes and their signature text; the pure half of `checkFeed`. */
export function verifyFeed(
  bytes: Uint8Array,
  signatureText: string | null,
  input: Pick<FeedCheckInput, 'pinnedKeys' | 'currentVersion' | 'lastAccepted' | 'now'>,
): { ok: true; feed: VerifiedFeed } | { ok: false; reason: FeedRefusal; version: string | null } {
  if (input.pinnedKeys.length === 0) return { ok: false, reason: 'no_pinned_key', version: null };
  const signed = verifyFeedSignature(bytes, signatureText, input.pinnedKeys);
  if (!signed.ok) {
    const reason = (
      {
        feed_signature_missing: 'signature_missing',
        feed_signature_invalid: 'signature_invalid',
        feed_key_unknown: 'key_unknown',
      } as const
    )[signed.error];
    return { ok: false, reason, version: null };
  }
  let raw: unknown;
  try {
    raw = load(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'feed_invalid', version: null };
  }
  const info = updateInfoSchema.safeParse(raw);
  const stamp = stampSchema.safeParse(raw);
  if (!info.success || !stamp.success) return { ok: false, reason: 'feed_invalid', version: null };
  const version = info.data.version;
  if (Date.parse(stamp.data.expires) <= input.now.getTime())
    return { ok: false, reason: 'feed_expired', version };
  if (input.lastAccepted && stamp.data.sequence < input.lastAccepted.sequence)
    return { ok: false, reason: 'feed_stale', version };
  if (compare(version, input.currentVersion) < 0) return { ok: false, reason: 'downgrade', version };
  return {
    ok: true,
    feed: {
      bytes,
      info: info.data,
      sequence: stamp.data.sequence,
      expires: stamp.data.expires,
      keyId: signed.value.keyId,
    },
  };
}

/** The machine's staging bucket, 0–100 (two decimals), or null without a staging id. */
export function stagingBucket(stagingUserId: string | null): number | null {
  const fraction = stagingUserId === null ? null : stagingFraction(stagingUserId);
  return fraction === null ? null : Math.floor(fraction * 10_000) / 100;
}

export function decideOnFeed(feed: VerifiedFeed, input: FeedCheckInput): FeedCheck {
  const version = feed.info.version;
  if (compare(version, input.currentVersion) === 0)
    return { verdict: 'up-to-date', reason: 'same_version', version, feed };
  const bucket = stagingBucket(input.stagingUserId);
  const percentage = feed.info.stagingPercentage;
  if (percentage !== undefined && (bucket === null || bucket >= percentage))
    return { verdict: 'not-now', reason: 'outside_rollout', version, feed };
  if (input.installWindow && !insideWindow(brusselsMinuteOfDay(input.now), input.installWindow))
    return { verdict: 'not-now', reason: 'outside_install_hours', version, feed };
  return { verdict: 'update', reason: 'newer_in_rollout', version, feed };
}

export async function checkFeed(input: FeedCheckInput): Promise<FeedCheck> {
  if (input.pinnedKeys.length === 0) return { verdict: 'refused', reason: 'no_pinned_key', version: null };
  const urls = feedUrls(input.baseUrl, input.channel, input.platform, input.arch);
  const feed = await input.fetchBytes(urls.feed);
  if (!feed.ok) return { verdict: 'unreachable', reason: feed.reason, version: null };
  const signature = await input.fetchBytes(urls.signature);
  if (!signature.ok && signature.reason !== 'not_found')
    return { verdict: 'unreachable', reason: signature.reason, version: null };
  const verified = verifyFeed(
    feed.bytes,
    signature.ok ? new TextDecoder().decode(signature.bytes) : null,
    input,
  );
  if (!verified.ok) return { verdict: 'refused', reason: verified.reason, version: verified.version };
  return decideOnFeed(verified.feed, input);
}

/** The JSON `balie update check --json` prints (docs/release.md). */
export function feedCheckJson(check: FeedCheck, input: FeedCheckInput) {
  return {
    verdict: check.verdict,
    reason: check.reason,
    version: check.version,
    stagingBucket: stagingBucket(input.stagingUserId),
    installWindow: formatWindow(input.installWindow),
  };
}
