import { parseScan } from '../../shared/scan/parseScan';
import type { ScanContent } from '../../shared/scan/parseScan';
import { useScannerBursts } from '../scan/useScanner';
import { readFeedback } from './deskFeedback';

/**
 * The USB scanner, heard wherever focus is, as parsed content. Cards and stamboeknummers get the
 * short read beep; the screen decides what an unknown code (or a wrong card) sounds like.
 */
export function useDeskScans(onScan: (scan: ScanContent) => void): void {
  useScannerBursts((raw) => handleRaw(raw, onScan));
}

export function handleRaw(raw: string, onScan: (scan: ScanContent) => void): void {
  const scan = parseScan(raw);
  if (scan.kind !== 'unknown') readFeedback();
  onScan(scan);
}
