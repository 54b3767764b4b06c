import { Suspense, lazy, useState } from 'react';
import type { ScanContent } from '../../shared/scan/parseScan';
import { useT } from '../app/i18n';
import { Icon } from '../app/icons';
import { handleRaw } from './useDeskScans';

// zxing is large and only needed once the camera is opened: load it then, not at start-up.
const WebcamScanner = lazy(() => import('../scan/WebcamScanner').then((m) => ({ default: m.WebcamScanner })));

/** The webcam fallback, folded away until needed; the camera only runs while it is open. */
export function WebcamSection({ onScan }: { onScan(scan: ScanContent): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="webcam-section" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <Icon name="scan" size={22} />
        {t('balie.webcam.toggle')}
      </summary>
      {open && (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <WebcamScanner onScan={(raw: string) => handleRaw(raw, onScan)} />
        </Suspense>
      )}
    </details>
  );
}
