import { useRef } from 'react';
import type { FocusEvent, KeyboardEvent, MouseEvent, PointerEvent } from 'react';

/** Keys that press a focused button. */
const PRESS_KEYS = new Set(['Enter', ' ']);

export interface DeliberatePressHandlers {
  onFocus(e: FocusEvent<HTMLButtonElement>): void;
  onBlur(e: FocusEvent<HTMLButtonElement>): void;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void;
  onKeyUp(e: KeyboardEvent<HTMLButtonElement>): void;
  onPointerDown(e: PointerEvent<HTMLButtonElement>): void;
  onClick(e: MouseEvent<HTMLButtonElement>): void;
}

/**
 * A button that only a separate, deliberate press activates — never a key that was already on its
 * way when the button appeared (see docs/architecture.md, "One key, one meaning").
 *
 * Keyboard: a fresh keydown of Enter or Space on the focused button — not auto-repeat, and with
 * an event time after the button got focus — and then its keyup on the button. The Enter that
 * opened the card (typed number, ↓ + Enter, a scanner's suffix), its auto-repeat while held and its
 * keyup all began before the button had focus, so none of them counts. The browser's own key
 * activation is turned off (it cannot tell these apart).
 * Pointer: a click whose press began on this button after it appeared.
 * Assistive technology (a click without pointer or key) counts while no key is held on it.
 */
export function useDeliberatePress(onPress: () => void): DeliberatePressHandlers {
  const mountedAt = useRef(performance.now());
  const focusedAt = useRef(Number.POSITIVE_INFINITY);
  const pressedKey = useRef<string | null>(null);
  const heldKeys = useRef(new Set<string>());
  const freshPointer = useRef(false);

  return {
    onFocus: () => {
      focusedAt.current = performance.now();
      pressedKey.current = null;
    },
    onBlur: () => {
      focusedAt.current = Number.POSITIVE_INFINITY;
      pressedKey.current = null;
      heldKeys.current.clear();
    },
    onKeyDown: (e) => {
      if (!PRESS_KEYS.has(e.key)) return;
      e.preventDefault();
      heldKeys.current.add(e.key);
      const modified = e.ctrlKey || e.altKey || e.metaKey;
      const fresh = !e.repeat && !modified && e.timeStamp >= focusedAt.current;
      pressedKey.current = fresh && pressedKey.current === null ? e.key : null;
    },
    onKeyUp: (e) => {
      if (!PRESS_KEYS.has(e.key)) return;
      e.preventDefault();
      heldKeys.current.delete(e.key);
      if (pressedKey.current !== e.key) return;
      pressedKey.current = null;
      onPress();
    },
    onPointerDown: (e) => {
      freshPointer.current = e.timeStamp >= mountedAt.current;
    },
    onClick: (e) => {
      const byPointer = e.detail > 0;
      const fresh = byPointer ? freshPointer.current : heldKeys.current.size === 0;
      freshPointer.current = false;
      if (fresh) onPress();
    },
  };
}
