/**
 * Cards are dated in Belgian local time whatever the machine's time zone:
 * every date and timestamp shown, stored or reported goes through here.
 */
export const BELGIAN_TIME_ZONE = 'Europe/Brussels';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: BELGIAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface BrusselsParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function brusselsParts(instant: Date): BrusselsParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '0000',
    month: parts.month ?? '01',
    day: parts.day ?? '01',
    hour: parts.hour ?? '00',
    minute: parts.minute ?? '00',
    second: parts.second ?? '00',
  };
}

/** The calendar day in Brussels, `YYYY-MM-DD`. */
export function brusselsDate(instant: Date): string {
  const p = brusselsParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Offset of Brussels from UTC at that instant, in minutes (60 in winter, 120 in summer). */
export function brusselsOffsetMinutes(instant: Date): number {
  const p = brusselsParts(instant);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/** ISO 8601 with the Belgian offset of that moment, e.g. `2027-01-05T10:12:00+01:00`. */
export function brusselsIso(instant: Date): string {
  const p = brusselsParts(instant);
  const offset = brusselsOffsetMinutes(instant);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

/** `HH:MM` in Brussels, for messages such as "al afgehaald op … om …". */
export function brusselsTime(instant: Date): string {
  const p = brusselsParts(instant);
  return `${p.hour}:${p.minute}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
