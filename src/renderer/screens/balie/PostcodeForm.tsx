import { useEffect, useRef, useState } from 'react';
import { useT } from '../../app/i18n';

/**
 * The teacher's home postcode, asked when a card or name is not here. `onPostcode` gets a valid
 * 4-digit postcode and answers with a problem to show, or null.
 */
export function PostcodeForm({
  id,
  autoFocus = false,
  onPostcode,
}: {
  id: string;
  autoFocus?: boolean;
  onPostcode(postcode: string): Promise<string | null>;
}) {
  const t = useT();
  const [postcode, setPostcode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const submit = async () => {
    if (!/^\d{4}$/.test(postcode)) {
      setProblem(t('balie.notHere.postcodeInvalid'));
      return;
    }
    setProblem(null);
    setProblem(await onPostcode(postcode));
  };

  return (
    <form
      className="postcode-lookup"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>{t('balie.notHere.postcodeLabel')}</label>
      <input
        id={id}
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
