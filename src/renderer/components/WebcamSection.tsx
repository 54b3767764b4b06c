import { useState } from 'react';
import type { ScanContent } from '../../shared/scan/parseScan';
import { useT } from '../app/i18n';
import { Icon } from '../app/icons';
import { WebcamScanner } from '../scan/WebcamScanner';
import { handleRaw } from './useDeskScans';

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
      {open && <WebcamScanner onScan={(raw: string) => handleRaw(raw, onScan)} />}
    </details>
  );
}
