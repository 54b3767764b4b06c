import { daysBetween } from '../time/brussels';

export interface DayCount {
  day: string;
  handedOut: number;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from the first hand-out to the last, with 0 for quiet days (up to a year). */
export function fillDays(perDay: readonly DayCount[]): DayCount[] {
  const first = perDay[0];
  const last = perDay[perDay.length - 1];
  if (!first || !last) return [];
  const span = daysBetween(first.day, last.day);
  if (span > 366) return [...perDay];
  const byDay = new Map(perDay.map((d) => [d.day, d.handedOut]));
  const days: DayCount[] = [];
  for (let i = 0; i <= span; i++) {
    const day = addDays(first.day, i);
    days.push({ day, handedOut: byDay.get(day) ?? 0 });
  }
  return days;
}
