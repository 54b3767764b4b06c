import { useEffect, useRef } from 'react';
import type { GroupDone } from '../../../shared/desk/deskResults';
import { useT } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { fullName } from '../../components/cardDisplay';
import type { Collector } from './groupTypes';
import { ReceiptView } from './ReceiptView';

/** All cards went: say so in huge type, show the receipt to print, and offer the next group. */
export function GroupDoneView({
  result,
  collector,
  onNew,
}: {
  result: GroupDone & { receiptHtml: string };
  collector: Collector;
  onNew(): void;
}) {
  const t = useT();
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const name = collector.kind === 'card' ? fullName(collector.summary) : collector.name;
  return (
    <>
      <section className="verdict tone-ok" data-tone="ok" role="status">
        <p className="verdict-title">
          <Icon name="ok" size={52} />
          <span>{t('group.done.title', { count: result.size })}</span>
        </p>
        <p className="verdict-detail">{t('group.done.detail', { name, groupNo: result.groupNo })}</p>
        <button ref={next} type="button" className="secondary-button" onClick={onNew}>
          {t('group.done.next')}
        </button>
      </section>
      <ReceiptView html={result.receiptHtml} />
    </>
  );
}
