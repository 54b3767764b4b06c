import type { CardCheck } from '../../shared/api/apiTypes';
import { belgianDate, describeCardRefusal, describeDeskProblem } from '../../shared/i18n/deskText';
import type { Lang } from '../../shared/lang';
import { assertNever } from '../../shared/result';
import { brusselsDate, brusselsTime } from '../../shared/time/brussels';
import type { Translate } from '../app/i18n';
import type { IconName } from '../app/icons';
import { groupedCard } from './cardDisplay';

/** `wait`: no verdict yet (the check is on its way). */
export type Tone = 'ok' | 'warning' | 'stop' | 'info' | 'wait';

/** How a verdict looks at the desk: colour, icon and words, always together. */
export interface VerdictLook {
  tone: Tone;
  icon: IconName;
  title: string;
  detail: string;
}

/** The verdict's place while the check is out: neutral, no colour that could be read as an answer. */
export function waitingLook(title: string): VerdictLook {
  return { tone: 'wait', icon: 'scan', title, detail: '' };
}

export function lookOfCheck(check: CardCheck, t: Translate, lang: Lang): VerdictLook {
  if (!check.found) {
    const p = check.likelyPoint;
    return {
      tone: 'info',
      icon: 'location',
      title: p ? t('balie.verdict.notHereAt', { point: p.naam }) : t('balie.verdict.notHere'),
      detail: describeDeskProblem({ error: 'not_here', likelyPoint: p }, lang),
    };
  }
  const v = check.verdict;
  if (v.ok)
    return {
      tone: 'ok',
      icon: 'ok',
      title: t('balie.verdict.ready'),
      detail: t('balie.verdict.readyDetail'),
    };
  const detail = describeCardRefusal(v, lang);
  switch (v.error) {
    case 'already_collected': {
      const at = new Date(v.at);
      const title = t('balie.verdict.collected', {
        day: belgianDate(brusselsDate(at)),
        time: brusselsTime(at),
      });
      return { tone: 'warning', icon: 'clock', title, detail };
    }
    case 'revoked':
      return { tone: 'stop', icon: 'stop', title: t('balie.verdict.revoked'), detail };
    case 'replaced':
      return {
        tone: 'stop',
        icon: 'replaced',
        title: t('balie.verdict.replaced', { card: groupedCard(v.replacedBy) }),
        detail,
      };
    case 'returned':
      return { tone: 'stop', icon: 'info', title: t('balie.verdict.returned'), detail };
    case 'before_period':
    case 'after_period':
      return { tone: 'stop', icon: 'clock', title: t('balie.verdict.outsidePeriod'), detail };
    default:
      return assertNever(v);
  }
}
