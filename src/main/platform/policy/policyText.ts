import { textsFor } from '../../../shared/i18n/texts';
import type { PolicyProblem } from './parsePolicy';

/** One line of Dutch per problem, for the startup screen and the log (used with `.map`). */
export function policyProblemText(problem: PolicyProblem): string {
  const t = textsFor('nl');
  switch (problem.code) {
    case 'not_json':
      return t('policy.notJson', { detail: problem.detail });
    case 'not_object':
      return t('policy.notObject');
    case 'unknown_key':
      return t('policy.unknownKey', { key: problem.key });
    case 'invalid_value':
      return t('policy.invalidValue', {
        key: problem.key,
        expected: t(`policy.expected.${problem.expected}`),
      });
    case 'incomplete_point':
      return t('policy.incompletePoint', { missing: problem.missing.join(', ') });
    case 'update_url_required':
      return t('policy.updateUrlRequired');
  }
}
