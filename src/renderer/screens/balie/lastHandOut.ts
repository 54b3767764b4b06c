/** The desk's most recent hand-out: what "Ongedaan maken" and the card-barcode check work on. */
export interface LastHandOut {
  card: string;
  name: string;
  /** Local clock when it was confirmed, for the undo countdown only. */
  handedAtMs: number;
  /** Which opening of the card panel handed it out: only that one asks for the barcode check. */
  panelOpening: number;
  confirm: { kind: 'waiting' } | { kind: 'right' } | { kind: 'wrong'; scanned: string };
}

/** How long one click undoes the last hand-out. */
export const UNDO_WINDOW_MS = 2 * 60 * 1000;

/**
 * The reason the desk sends for a one-click undo. Must equal UNDO_REASON in
 * src/main/useCases/desk/voidHandOut.ts (the renderer cannot import src/main): main treats this reason as
 * "a mistake at the desk" in the audit log. Not a visible string, so not in the catalogue.
 */
export const UNDO_REASON = 'vergissing';
