import { cliTexts } from '../cliTexts';
import type { KeyUnreadable } from '../../../platform/keys/installationKey';

/** The signing key exists but cannot be opened: say why, and that nothing was replaced. */
export function keyUnreadableText(failure: KeyUnreadable): string {
  return cliTexts()(failure.sealed ? 'key.unreadable.sealed' : 'key.unreadable.damaged', {
    file: failure.file,
  });
}
