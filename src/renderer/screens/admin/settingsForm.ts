import type { SettingsView } from '../../../shared/api/contract';
import type { PlainTextKey } from '../../../shared/i18n/texts';

export type SettingField = 'lastDay' | 'staff' | 'maxGroupSize' | 'retentionDays';

/** Policy files may name a setting in the API's words or in the store's. */
const POLICY_NAMES: Record<SettingField, string[]> = {
  lastDay: ['lastDay', 'last_day'],
  staff: ['staff', 'staffList', 'staff_list'],
  maxGroupSize: ['maxGroupSize', 'max_group_size'],
  retentionDays: ['retentionDays', 'retention_days'],
};

/** The whole-number settings, in the order the form shows them, with their bounds. */
export const NUMBER_SETTINGS: readonly {
  id: string;
  field: 'maxGroupSize' | 'retentionDays';
  label: PlainTextKey;
  help: PlainTextKey;
  min: number;
  max: number;
}[] = [
  {
    id: 'admin-group-size',
    field: 'maxGroupSize',
    label: 'admin.settings.maxGroupSize',
    help: 'admin.settings.maxGroupSizeHelp',
    min: 1,
    max: 500,
  },
  {
    id: 'admin-retention',
    field: 'retentionDays',
    label: 'admin.settings.retentionDays',
    help: 'admin.settings.retentionDaysHelp',
    min: 1,
    max: 3650,
  },
];

export function isLocked(field: SettingField, lockedByPolicy: readonly string[]): boolean {
  return POLICY_NAMES[field].some((name) => lockedByPolicy.includes(name));
}

export interface SettingsDraft {
  deskName: string;
  lastDay: string;
  staff: string;
  maxGroupSize: string;
  retentionDays: string;
}

export function draftOf(view: SettingsView): SettingsDraft {
  return {
    deskName: view.deskName ?? '',
    lastDay: view.ownLastDay ?? '',
    staff: view.staff.join('\n'),
    maxGroupSize: String(view.maxGroupSize),
    retentionDays: String(view.retentionDays),
  };
}

export function staffNames(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Only the fields that changed and are not fixed by policy (this desk's name never is). */
export function changesOf(
  view: SettingsView,
  draft: SettingsDraft,
  lockedByPolicy: readonly string[],
): {
  deskName?: string;
  lastDay?: string | null;
  staff?: string[];
  maxGroupSize?: number;
  retentionDays?: number;
} {
  const change: ReturnType<typeof changesOf> = {};
  if (view.deskName !== null && draft.deskName.trim() !== view.deskName) change.deskName = draft.deskName;
  const open = (f: SettingField) => !isLocked(f, lockedByPolicy);
  if (open('lastDay') && draft.lastDay !== (view.ownLastDay ?? '')) change.lastDay = draft.lastDay || null;
  const staff = staffNames(draft.staff);
  if (open('staff') && staff.join('\n') !== view.staff.join('\n')) change.staff = staff;
  if (open('maxGroupSize') && Number(draft.maxGroupSize) !== view.maxGroupSize)
    change.maxGroupSize = Number(draft.maxGroupSize);
  if (open('retentionDays') && Number(draft.retentionDays) !== view.retentionDays)
    change.retentionDays = Number(draft.retentionDays);
  return change;
}
