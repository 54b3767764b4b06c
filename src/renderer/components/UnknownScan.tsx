import { useT } from '../app/i18n';
import { Icon } from '../app/icons';

/** A scan that is neither a card nor a stamboeknummer: say exactly what was read. */
export function UnknownScan({ raw }: { raw: string }) {
  const t = useT();
  return (
    <p role="alert" className="scan-problem tone-stop">
      <Icon name="warning" size={30} />
      <span>
        {t('balie.scan.unknown')} <code className="scan-raw">{raw === '' ? t('balie.scan.empty') : raw}</code>
      </span>
    </p>
  );
}
