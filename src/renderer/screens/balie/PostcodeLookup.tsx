import type { CardCheck } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { problemText } from '../../components/problemText';
import { PostcodeForm } from './PostcodeForm';

/** "Not here": the teacher's home postcode tells where the card most likely is (points.csv). */
export function PostcodeLookup({ card, onChecked }: { card: string; onChecked(check: CardCheck): void }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  return (
    <PostcodeForm
      id="home-postcode"
      autoFocus
      onPostcode={async (postcode) => {
        const result = await api.checkCard({ card, postcode });
        if (!result.ok) return problemText(result, lang);
        onChecked(result.value);
        return !result.value.found && !result.value.likelyPoint
          ? t('balie.notHere.noPoint', { postcode })
          : null;
      }}
    />
  );
}
