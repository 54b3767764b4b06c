import { useEffect, useRef, useState } from 'react';
import { useT } from '../../app/i18n';
import type { Collector } from './groupTypes';

/** A collector without a card here: their name and which ID document was shown. */
export function PersonCollectorForm({
  onChoose,
  onCancel,
}: {
  onChoose(c: Collector): void;
  onCancel(): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [idNote, setIdNote] = useState('');
  const [tried, setTried] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const valid = name.trim().length >= 2 && idNote.trim().length >= 2;
  return (
    <form
      className="person-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (valid) onChoose({ kind: 'person', name: name.trim(), idNote: idNote.trim() });
      }}
    >
      <div className="field">
        <label htmlFor="collector-name">{t('group.person.name')}</label>
        <input
          id="collector-name"
          ref={ref}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="collector-id">{t('group.person.idNote')}</label>
        <input
          id="collector-id"
          autoComplete="off"
          aria-describedby="collector-id-hint"
          value={idNote}
          onChange={(e) => setIdNote(e.target.value)}
        />
        <p id="collector-id-hint" className="search-hint">
          {t('group.person.idHint')}
        </p>
      </div>
      {tried && !valid && (
        <p role="alert" className="inline-problem tone-stop">
          {t('group.person.incomplete')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="big-button">
          {t('group.person.use')}
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          {t('group.person.back')}
        </button>
      </div>
    </form>
  );
}
