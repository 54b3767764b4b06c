import { useState } from 'react';
import { useT } from './i18n';

/** Staff pick their name at shift start; the name shows in the header and goes on every event. */
export function ShiftStart({ staffList, onStart }: { staffList: string[]; onStart(name: string): void }) {
  const t = useT();
  const [other, setOther] = useState('');
  return (
    <main className="shift" aria-labelledby="shift-title">
      <h1 id="shift-title">{t('shift.title')}</h1>
      <p>{t('shift.intro')}</p>
      <div className="shift-names">
        {staffList.map((name, i) => (
          <button
            key={name}
            type="button"
            className="big-button"
            onClick={() => onStart(name)}
            autoFocus={i === 0}
          >
            {name}
          </button>
        ))}
      </div>
      {staffList.length === 0 && (
        <form
          className="shift-other"
          onSubmit={(e) => {
            e.preventDefault();
            if (other.trim()) onStart(other.trim());
          }}
        >
          <label htmlFor="shift-name">{t('shift.nameLabel')}</label>
          <input
            id="shift-name"
            value={other}
            onChange={(e) => setOther(e.target.value)}
            autoFocus
            autoComplete="off"
          />
          <button type="submit" className="big-button">
            {t('shift.start')}
          </button>
        </form>
      )}
    </main>
  );
}
