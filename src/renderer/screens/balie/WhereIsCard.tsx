import { useState } from 'react';
import type { PointInfo } from '../../../shared/desk/deskResults';
import { useLang } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { useDesk } from '../../app/session';
import { problemText } from '../../components/problemText';
import { PostcodeForm } from './PostcodeForm';

/**
 * A name that is not in this library's batches: the teacher's home postcode tells where the card
 * was most likely sent (points.csv), so nobody leaves without an answer.
 */
export function WhereIsCard() {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [answer, setAnswer] = useState<{ postcode: string; point: PointInfo | null } | null>(null);

  return (
    <section className="where-is-card panel" aria-labelledby="where-is-card-title">
      <h2 id="where-is-card-title">{t('balie.where.title')}</h2>
      <PostcodeForm
        id="where-postcode"
        onPostcode={async (postcode) => {
          const result = await api.whereIsPostcode({ postcode });
          if (!result.ok) return problemText(result, lang);
          setAnswer({ postcode, point: result.value });
          return null;
        }}
      />
      {answer && (
        <p className="badge tone-info where-answer" role="status">
          <Icon name="location" size={20} />
          {answer.point
            ? t('balie.where.likely', {
                naam: answer.point.naam,
                adres: answer.point.adres,
                uren: answer.point.openingsuren,
              })
            : t('balie.notHere.noPoint', { postcode: answer.postcode })}
        </p>
      )}
    </section>
  );
}
