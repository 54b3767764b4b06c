/**
 * Undoing the first keys of a scanner burst that reached a text field before the burst was
 * recognised (see scanBurstDetector.ts, "let through, then undo"). Pure: the hook reads and writes
 * the field, this decides what the field should hold.
 */
import { azertyRowAsDigits } from '../../shared/scan/azerty';

export interface FieldState {
  value: string;
  /** null for fields without a caret API (type=email, type=number): the end is assumed. */
  selectionStart: number | null;
  selectionEnd: number | null;
}

export interface RestoredField {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * The field as it should be without `leaked`, given its state before the burst's first key and its
 * value now. The common case restores the snapshot exactly (including text the burst overwrote
 * when it was selected). If the app changed the text meanwhile, the last occurrence of the leaked
 * text is cut out instead — also when the field already read AZERTY digit-row text as its digits
 * (CardSearch does, see numberFromAzertyRow). null: nothing to undo (the keys never reached the
 * field).
 */
export function withoutLeakedText(before: FieldState, now: string, leaked: string): RestoredField | null {
  if (leaked === '') return null;
  const start = before.selectionStart ?? before.value.length;
  const end = before.selectionEnd ?? start;
  const expected = before.value.slice(0, start) + leaked + before.value.slice(end);
  if (now === expected || now === azertyRowAsDigits(expected))
    return { value: before.value, selectionStart: start, selectionEnd: end };
  if (now === before.value) return null;
  let at = now.lastIndexOf(leaked);
  if (at < 0) at = now.lastIndexOf(azertyRowAsDigits(leaked));
  if (at < 0) return null;
  return { value: now.slice(0, at) + now.slice(at + leaked.length), selectionStart: at, selectionEnd: at };
}
