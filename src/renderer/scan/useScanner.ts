import { useEffect, useRef } from 'react';
import { type FieldState, withoutLeakedText } from './leakedText';
import { type BurstDetectorOptions, type ScanBurst, createScanBurstDetector } from './scanBurstDetector';

export interface UseScannerOptions extends BurstDetectorOptions {
  /** Listen at all (default true). Turn off while a dialog owns the keyboard, for instance. */
  enabled?: boolean;
  /** Remove the burst's first keys from the focused text field (default true). */
  undoLeakedKeys?: boolean;
  /** Every completed burst with its timing, before onScan (diagnostics, tests). */
  onBurst?: (burst: ScanBurst) => void;
}

interface FieldSnapshot extends FieldState {
  field: HTMLInputElement | HTMLTextAreaElement;
}

/**
 * Hears the USB barcode scanner wherever focus is: one capture-phase keydown listener on window.
 * Burst keys are kept out of the page (preventDefault + stopPropagation), the first keys that
 * already reached a text field are removed again, and `onScan` gets the raw text (parse it with
 * parseScan). People typing are never affected.
 */
export function useScannerBursts(onScan: (raw: string) => void, options: UseScannerOptions = {}): void {
  const { enabled = true, undoLeakedKeys = true, maxGapMs, minLength, maxPauseMs } = options;
  const onScanRef = useRef(onScan);
  const onBurstRef = useRef(options.onBurst);
  useEffect(() => {
    onScanRef.current = onScan;
    onBurstRef.current = options.onBurst;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const detector = createScanBurstDetector({ maxGapMs, minLength, maxPauseMs });
    // The field before this packet of keys, and before the packet ahead of a pause.
    let snapshot: FieldSnapshot | null = null;
    let snapshotBeforePause: FieldSnapshot | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const emit = (burst: ScanBurst | null) => {
      if (!burst) return;
      onBurstRef.current?.(burst);
      onScanRef.current(burst.text);
    };
    const schedule = () => {
      clearTimeout(timer);
      if (detector.pending) timer = setTimeout(onIdle, detector.idleMs + 5);
    };
    const onIdle = () => {
      emit(detector.flushIfIdle(performance.now()));
      schedule();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const verdict = detector.handleKey(event);
      if (verdict.startsRun) {
        snapshotBeforePause = snapshot;
        snapshot = undoLeakedKeys ? snapshotField(event.target) : null;
      }
      const leaked = verdict.leaked;
      const before = leaked?.spansPause ? snapshotBeforePause : snapshot;
      if (leaked && before) restoreField(before, leaked.text);
      if (verdict.swallow) {
        event.preventDefault();
        event.stopPropagation();
      }
      emit(verdict.burst);
      schedule();
    };

    // A screen may move focus on a key (the Balie sends typing to its search field): then the
    // text lands in a field the keydown's target was not. Its first beforeinput shows which.
    const onBeforeInput = (event: Event) => {
      if (undoLeakedKeys && detector.pending && snapshot === null) snapshot = snapshotField(event.target);
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('beforeinput', onBeforeInput, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('beforeinput', onBeforeInput, { capture: true });
      clearTimeout(timer);
    };
  }, [enabled, undoLeakedKeys, maxGapMs, minLength, maxPauseMs]);
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'number', 'password', '']);

function snapshotField(target: EventTarget | null): FieldSnapshot | null {
  const field =
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type))
      ? target
      : null;
  if (!field || field.readOnly || field.disabled) return null;
  let selectionStart: number | null = null;
  let selectionEnd: number | null = null;
  try {
    selectionStart = field.selectionStart;
    selectionEnd = field.selectionEnd;
  } catch {
    // type=email/number have no caret API; withoutLeakedText assumes the end.
  }
  return { field, value: field.value, selectionStart, selectionEnd };
}

/** Writes the value the way React notices it (native setter + input event), then the caret. */
function restoreField(snapshot: FieldSnapshot, leaked: string): void {
  const { field } = snapshot;
  if (!field.isConnected) return;
  const restored = withoutLeakedText(snapshot, field.value, leaked);
  if (!restored) return;
  const proto =
    field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, restored.value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    field.setSelectionRange(restored.selectionStart, restored.selectionEnd);
  } catch {
    // no caret API for this input type
  }
}
