import type { CardCheck } from '../../../shared/api/apiTypes';
import { useT } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { PostcodeForm } from './PostcodeForm';

/** "Not here": the teacher's home postcode tells where the card most likely is (points.csv). */
export function PostcodeLookup({ card, onChecked }: { card: string; onChecked(check: CardCheck): void }) {
  const { api } = useDesk();
  const t = useT();
  return (
    <PostcodeForm
      id="home-postcode"
      autoFocus
      onPostcode={async (postcode) => {
        const result = await api.checkCard({ card, postcode });
        if (!result.ok) return null;
        onChecked(result.value);
        return !result.value.found && !result.value.likelyPoint
          ? t('balie.notHere.noPoint', { postcode })
          : null;
      }}
    />
  );
}
