import type { Lang } from '../../../shared/lang';
import { belgianDate } from '../../../shared/i18n/deskText';
import { brusselsDate, brusselsTime } from '../../../shared/time/brussels';

export function localeOf(lang: Lang): string {
  return lang === 'nl' ? 'nl-BE' : 'en-GB';
}

/** Share collected, 0..1; 0 when there are no cards. */
export function rateOf(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** `33,3%` (nl) or `33.3%` (en): always one decimal, as the CLI's stats show it. */
export function formatPercent(part: number, whole: number, lang: Lang): string {
  const value = rateOf(part, whole) * 100;
  const text = new Intl.NumberFormat(localeOf(lang), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
  return `${text}%`;
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

/** An ISO instant as a Belgian reads it, in Brussels time whatever the machine's zone. */
export function formatInstant(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${belgianDate(brusselsDate(at))} ${brusselsTime(at)}`;
}
