import { useState } from 'react';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { downloadBase64 } from '../../components/downloadBase64';
import { problemText } from '../../components/problemText';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; file: string; savedTo: string }
  | { kind: 'failed'; text: string };

/** Exports the Overzicht as a one-page PDF (made by Chromium on the desk's side) and offers it as a download. */
export function ExportPdfButton() {
  const { t, lang } = useLang();
  const { api } = useDesk();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = () => {
    setState({ kind: 'busy' });
    void api.overviewPdf({ lang }).then((r) => {
      if (!r.ok) return setState({ kind: 'failed', text: problemText(r, lang) });
      downloadBase64(r.value.fileName, r.value.contentBase64, 'application/pdf');
      setState({ kind: 'done', file: r.value.fileName, savedTo: r.value.savedTo });
    });
  };
  return (
    <>
      <button type="button" className="secondary-button" onClick={run} disabled={state.kind === 'busy'}>
        {state.kind === 'busy' ? t('overview.pdf.busy') : t('overview.pdf.button')}
      </button>
      <p className="overview-pdf-status" role="status" data-testid="overview-pdf-status">
        {state.kind === 'done' && t('overview.pdf.done', { file: state.file, savedTo: state.savedTo })}
        {state.kind === 'failed' && state.text}
      </p>
    </>
  );
}
