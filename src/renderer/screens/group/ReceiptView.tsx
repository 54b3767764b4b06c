import { useRef } from 'react';
import { useT } from '../../app/i18n';
import { Icon } from '../../app/icons';

/**
 * The receipt the store rendered (a complete HTML document with its own print stylesheet), shown
 * in a sandboxed frame: no scripts run in it; same-origin only so the desk can call its print().
 */
export function ReceiptView({ html }: { html: string }) {
  const t = useT();
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <div className="receipt-head">
        <h2 id="receipt-title">{t('group.receipt.title')}</h2>
        <button
          type="button"
          className="big-button"
          onClick={() => {
            const view = frame.current?.contentWindow;
            view?.focus();
            view?.print();
          }}
        >
          <Icon name="print" size={26} />
          {t('group.receipt.print')}
        </button>
      </div>
      <iframe
        ref={frame}
        className="receipt-frame"
        title={t('group.receipt.frame')}
        sandbox="allow-same-origin allow-modals"
        srcDoc={html}
        data-testid="receipt-frame"
      />
    </section>
  );
}
