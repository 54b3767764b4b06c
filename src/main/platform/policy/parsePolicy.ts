import { z } from 'zod';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { loadPublicKey } from '../crypto/ed25519';

/**
 * The machine policy: settings IT fixes for every desk user of a machine. Every key is optional;
 * a key that is present is locked (read-only in Beheer). Keys starting with `_` or `$` are
 * comments (JSON has none).
 */
export const POLICY_KEYS = [
  'pointId',
  'pointName',
  'issuerPublicKey',
  'updateUrl',
  'updateChannel',
  'autoUpdate',
  'updateInstallHours',
  'deskSyncPort',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** The policy's install hours. Minutes after midnight, Europe/Brussels; `from > to` wraps past midnight (22:00–06:00). */
export interface InstallWindow {
  fromMinute: number;
  toMinute: number;
}

export interface Policy {
  pointId: string | null;
  pointName: string | null;
  issuerPublicKeyPem: string | null;
  updateUrl: string | null;
  updateChannel: string;
  autoUpdate: boolean;
  installWindow: InstallWindow | null;
  /** The TCP port of the desks' sync service (several desks at one point); null: the default. */
  deskSyncPort: number | null;
  /** The keys set in the file: shown read-only in Beheer (HandlerEnvironment.lockedByPolicy). */
  lockedKeys: PolicyKey[];
}

export type PolicyProblem =
  | { code: 'not_json'; detail: string }
  | { code: 'not_object' }
  | { code: 'unknown_key'; key: string }
  | { code: 'invalid_value'; key: PolicyKey; expected: ExpectedValue }
  | { code: 'incomplete_point'; missing: PolicyKey[] }
  | { code: 'update_url_required' };

export type ExpectedValue =
  | 'point_id'
  | 'point_name'
  | 'ed25519_public_key_pem'
  | 'https_url'
  | 'channel'
  | 'boolean'
  | 'hours_range'
  | 'port';

export type PolicyFailure = Failure<'invalid_policy', { problems: PolicyProblem[] }>;

const POINT_ID = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
const HOURS = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)$/;

const checks: Record<PolicyKey, { schema: z.ZodType; expected: ExpectedValue }> = {
  pointId: { schema: z.string().trim().toUpperCase().regex(POINT_ID), expected: 'point_id' },
  pointName: { schema: z.string().trim().min(1).max(200), expected: 'point_name' },
  issuerPublicKey: {
    schema: z.string().refine((pem) => loadPublicKey(pem).ok),
    expected: 'ed25519_public_key_pem',
  },
  updateUrl: { schema: z.string().refine(isUpdateUrl), expected: 'https_url' },
  updateChannel: { schema: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/), expected: 'channel' },
  autoUpdate: { schema: z.boolean(), expected: 'boolean' },
  updateInstallHours: {
    schema: z
      .string()
      .trim()
      .refine((v) => parseInstallHours(v) !== null),
    expected: 'hours_range',
  },
  deskSyncPort: { schema: z.number().int().min(1024).max(65535), expected: 'port' },
};

/** https, or http to this machine only (a test server); never credentials in the URL. */
export function isUpdateUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return (
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]')
  );
}

/** "22:00-06:00" → minutes after midnight; a range may wrap past midnight; empty ranges are refused. */
export function parseInstallHours(value: string): InstallWindow | null {
  const m = HOURS.exec(value.trim());
  if (!m) return null;
  const fromMinute = Number(m[1]) * 60 + Number(m[2]);
  let toMinute = Number(m[3]) * 60 + Number(m[4]);
  if (toMinute > 24 * 60) return null;
  if (toMinute === 24 * 60) toMinute = 0;
  if (fromMinute === toMinute) return null;
  return { fromMinute, toMinute };
}

export function parsePolicy(text: string): Result<Policy, PolicyFailure> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('invalid_policy', { problems: [{ code: 'not_json', detail: (error as Error).message }] });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('invalid_policy', { problems: [{ code: 'not_object' }] });
  }
  const problems: PolicyProblem[] = [];
  const values: Partial<Record<PolicyKey, unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('_') || key.startsWith('$')) continue;
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      problems.push({ code: 'unknown_key', key });
      continue;
    }
    const policyKey = key as PolicyKey;
    const check = checks[policyKey];
    const parsed = check.schema.safeParse(value);
    if (!parsed.success) problems.push({ code: 'invalid_value', key: policyKey, expected: check.expected });
    else values[policyKey] = parsed.data;
  }
  const pointKeys: PolicyKey[] = ['pointId', 'pointName', 'issuerPublicKey'];
  const present = pointKeys.filter((k) => k in raw);
  if (present.length > 0 && present.length < pointKeys.length) {
    problems.push({ code: 'incomplete_point', missing: pointKeys.filter((k) => !(k in raw)) });
  }
  if (values.autoUpdate === true && !('updateUrl' in raw)) problems.push({ code: 'update_url_required' });
  if (problems.length > 0) return fail('invalid_policy', { problems });

  const lockedKeys = POLICY_KEYS.filter((k) => k in raw);
  const updateUrl = (values.updateUrl as string | undefined) ?? null;
  return ok({
    pointId: (values.pointId as string | undefined) ?? null,
    pointName: (values.pointName as string | undefined) ?? null,
    issuerPublicKeyPem: (values.issuerPublicKey as string | undefined) ?? null,
    updateUrl,
    updateChannel: (values.updateChannel as string | undefined) ?? 'latest',
    autoUpdate: (values.autoUpdate as boolean | undefined) ?? updateUrl !== null,
    installWindow: values.updateInstallHours ? parseInstallHours(values.updateInstallHours as string) : null,
    deskSyncPort: (values.deskSyncPort as number | undefined) ?? null,
    lockedKeys,
  });
}

/** No policy file: nothing locked, updates off (the placeholder feed URL is never contacted). */
export const NO_POLICY: Policy = {
  pointId: null,
  pointName: null,
  issuerPublicKeyPem: null,
  updateUrl: null,
  updateChannel: 'latest',
  autoUpdate: false,
  installWindow: null,
  deskSyncPort: null,
  lockedKeys: [],
};

/** Policy files written by PowerShell 5 are UTF-16; Notepad may add a BOM. */
export function decodePolicyBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
