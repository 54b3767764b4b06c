import valid from 'semver/functions/valid.js';
import { z } from 'zod';

/**
 * What electron-builder publishes next to each release (`latest.yml`, `latest-mac.yml`,
 * `latest-linux.yml`) and electron-updater reads: the version, the installer files with their
 * base64 sha512, and the optional staged-rollout percentage. The feed reader is feedCheck.ts.
 */

const fileSchema = z.object({
  url: z.string().min(1),
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'sha512 must be base64 of 64 bytes'),
  size: z.number().int().nonnegative().optional(),
  blockMapSize: z.number().int().nonnegative().optional(),
  isAdminRightsRequired: z.boolean().optional(),
});

export const updateInfoSchema = z.object({
  // Exactly the versions electron-updater's own `semver` reads (strict: no "01.2.3", no "1.2.3-01").
  version: z.string().refine((v) => valid(v) !== null, 'not a semantic version'),
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

/** The channel file electron-updater asks for (mirrors Provider.getCustomChannelName). */
export function channelFileName(channel: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return `${channel}.yml`;
  if (platform === 'darwin') return `${channel}-mac.yml`;
  return `${channel}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
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
