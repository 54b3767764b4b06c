import { useEffect, useRef, useState } from 'react';
import type { CardCheck } from '../../../shared/api/apiTypes';
import { useT } from '../../app/i18n';
import { useDesk } from '../../app/session';

/** "Not here": the teacher's home postcode tells where the card most likely is (points.csv). */
export function PostcodeLookup({ card, onChecked }: { card: string; onChecked(check: CardCheck): void }) {
  const { api } = useDesk();
  const t = useT();
  const [postcode, setPostcode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => ref.current?.focus(), []);

  const lookUp = async () => {
    if (!/^\d{4}$/.test(postcode)) {
      setProblem(t('balie.notHere.postcodeInvalid'));
      return;
    }
    setProblem(null);
    const result = await api.checkCard({ card, postcode });
    if (result.ok) {
      onChecked(result.value);
      if (!result.value.found && !result.value.likelyPoint)
        setProblem(t('balie.notHere.noPoint', { postcode }));
    }
  };

  return (
    <form
      className="postcode-lookup"
      onSubmit={(e) => {
        e.preventDefault();
        void lookUp();
      }}
    >
      <label htmlFor="home-postcode">{t('balie.notHere.postcodeLabel')}</label>
      <input
        id="home-postcode"
        ref={ref}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        size={6}
        value={postcode}
        onChange={(e) => setPostcode(e.target.value.replace(/\D/g, ''))}
      />
      <button type="submit" className="secondary-button">
        {t('balie.notHere.find')}
      </button>
      {problem && (
        <p role="status" className="inline-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
