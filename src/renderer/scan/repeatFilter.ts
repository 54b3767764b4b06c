/**
 * The webcam reads the same code many times a second while a card is held up. The filter lets a
 * text through once and then ignores it while it keeps being seen: the window (2 s) restarts at
 * every sighting, so a card left in front of the camera is reported once, and the same card is
 * reported again after it was out of view for the window. A different code passes at once.
 */
export interface RepeatFilter {
  /** true: report this read; false: a repeat. `now` in ms (performance.now()). */
  accept(text: string, now: number): boolean;
  reset(): void;
}

export function createRepeatFilter(windowMs = 2000): RepeatFilter {
  let last: { text: string; at: number } | null = null;
  return {
    accept(text, now) {
      if (last && last.text === text && now - last.at < windowMs) {
        last.at = now;
        return false;
      }
      last = { text, at: now };
      return true;
    },
    reset() {
      last = null;
    },
  };
}
