import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { parseYamlSubset, YamlSubsetError } from './yamlSubset';

/**
 * What electron-builder publishes next to each release (`latest.yml`, `latest-mac.yml`,
 * `latest-linux.yml`) and electron-updater reads: the version, the installer files with their
 * base64 sha512, and the optional staged-rollout percentage.
 */
const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

const fileSchema = z.object({
  url: z.string().min(1),
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'sha512 must be base64 of 64 bytes'),
  size: z.number().int().nonnegative().optional(),
  blockMapSize: z.number().int().nonnegative().optional(),
  isAdminRightsRequired: z.boolean().optional(),
});

export const updateInfoSchema = z.object({
  version: z.string().regex(SEMVER, 'not a semantic version'),
  files: z.array(fileSchema).min(1),
  path: z.string().optional(),
  sha512: z.string().optional(),
  releaseDate: z.string().optional(),
  releaseName: z.string().nullable().optional(),
  releaseNotes: z.string().nullable().optional(),
  minimumSystemVersion: z.string().optional(),
  // electron-updater reads it with parseInt: a number or a numeric string.
  stagingPercentage: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().min(0).max(100))
    .optional(),
});

export type UpdateFile = z.infer<typeof fileSchema>;
export type UpdateInfo = z.infer<typeof updateInfoSchema>;

export type UpdateInfoFailure = Failure<'update_info_invalid', { detail: string }>;

export function parseUpdateInfo(text: string): Result<UpdateInfo, UpdateInfoFailure> {
  let raw: unknown;
  try {
    raw = parseYamlSubset(text);
  } catch (error) {
    if (error instanceof YamlSubsetError) return fail('update_info_invalid', { detail: error.message });
    throw error;
  }
  const parsed = updateInfoSchema.safeParse(raw);
  if (!parsed.success) {
    return fail('update_info_invalid', {
      detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    });
  }
  return ok(parsed.data);
}

/** The channel file electron-updater asks for (mirrors Provider.getCustomChannelName). */
export function channelFileName(channel: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return `${channel}.yml`;
  if (platform === 'darwin') return `${channel}-mac.yml`;
  return `${channel}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
}

/** The installer for this machine: the first listed file (electron-updater picks the same for NSIS). */
export function installerFile(info: UpdateInfo, extension?: string): UpdateFile | null {
  const files = extension ? info.files.filter((f) => f.url.toLowerCase().endsWith(extension)) : info.files;
  return files[0] ?? null;
}

/** Base64 sha512, the form used in latest.yml (and what electron-updater compares). */
export function sha512Base64(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('base64');
}

export function verifySha512(bytes: Uint8Array, expected: string): boolean {
  return sha512Base64(bytes) === expected;
}

// ---- semantic versions (the subset electron-updater compares with `semver`) ----

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

export function parseSemver(version: string): SemVer | null {
  const m = SEMVER.exec(version.trim());
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] ? m[4].split('.') : [],
  };
}

/** -1, 0 or 1, by semver precedence (build metadata ignored). Throws on an invalid version. */
export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) throw new Error(`invalid version: ${!x ? a : b}`);
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (x[key] !== y[key]) return x[key] < y[key] ? -1 : 1;
  }
  if (x.prerelease.length === 0 || y.prerelease.length === 0) {
    if (x.prerelease.length === y.prerelease.length) return 0;
    return x.prerelease.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i += 1) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) < Number(q) ? -1 : 1;
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

// ---- staged rollout (mirrors AppUpdater.isStagingMatch) ----

/**
 * The machine's place in a staged rollout, 0..1: electron-updater reads bytes 12..15 of the
 * per-installation staging UUID (userData/.updaterId) as a big-endian uint32 / 0xffffffff.
 */
export function stagingFraction(stagingUserId: string): number | null {
  const hex = stagingUserId.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  return Buffer.from(hex, 'hex').readUInt32BE(12) / 0xffffffff;
}

/** True when this machine takes part in a release rolled out to `stagingPercentage` % of machines. */
export function isWithinRollout(
  stagingPercentage: number | undefined,
  stagingUserId: string | null,
): boolean {
  if (stagingPercentage === undefined) return true;
  if (stagingUserId === null) return false;
  const fraction = stagingFraction(stagingUserId);
  if (fraction === null) return false;
  return fraction < stagingPercentage / 100;
}
