import { beep, SCAN_OK_BEEP, SCAN_UNKNOWN_BEEP } from '../scan/feedback';

/** A code was read and understood. */
export function readFeedback(): void {
  beep(SCAN_OK_BEEP);
}

/** Stop and look: a wrong card or an unknown code. Low, longer and twice, unlike the read beep. */
export function alertFeedback(): void {
  beep({ ...SCAN_UNKNOWN_BEEP, durationMs: 260 });
  window.setTimeout(() => beep({ ...SCAN_UNKNOWN_BEEP, durationMs: 260 }), 340);
}
