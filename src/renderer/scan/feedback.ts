/** Scan feedback without media files: a WebAudio beep and a short visual flash. */

export interface BeepOptions {
  frequencyHz?: number;
  durationMs?: number;
  /** 0…1; kept low, desks are quiet places. */
  volume?: number;
}

/** A clear high beep for "read", a lower one for "read, but not a code we know". */
export const SCAN_OK_BEEP: BeepOptions = { frequencyHz: 1760, durationMs: 90, volume: 0.12 };
export const SCAN_UNKNOWN_BEEP: BeepOptions = { frequencyHz: 440, durationMs: 220, volume: 0.12 };

let audio: AudioContext | null = null;

/** Plays a short sine beep; silently does nothing where audio is unavailable or blocked. */
export function beep(options: BeepOptions = SCAN_OK_BEEP): void {
  const frequencyHz = options.frequencyHz ?? 1760;
  const seconds = (options.durationMs ?? 90) / 1000;
  const volume = Math.min(1, Math.max(0.0001, options.volume ?? 0.12));
  try {
    if (typeof AudioContext === 'undefined') return;
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequencyHz;
    const t0 = audio.currentTime;
    // Short ramps avoid the click of a hard start/stop.
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(volume, t0 + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + seconds);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.onended = () => {
      oscillator.disconnect();
      gain.disconnect();
    };
    oscillator.start(t0);
    oscillator.stop(t0 + seconds + 0.02);
  } catch {
    // No sound is acceptable; the status line and flash still tell the librarian.
  }
}

export type FlashTone = 'ok' | 'warning';

const FLASH_COLOURS: Record<FlashTone, string> = {
  ok: 'rgba(22, 163, 74, 0.85)',
  warning: 'rgba(217, 119, 6, 0.85)',
};

/**
 * Flashes an outline around `element`. While it runs the element carries
 * `data-scan-flash="ok|warning"` so stylesheets (and tests) can hook in; the flash itself uses the
 * Web Animations API, so no stylesheet is needed.
 */
export function flash(element: HTMLElement | null, tone: FlashTone = 'ok', durationMs = 450): void {
  if (!element) return;
  element.setAttribute('data-scan-flash', tone);
  const done = () => {
    if (element.getAttribute('data-scan-flash') === tone) element.removeAttribute('data-scan-flash');
  };
  if (typeof element.animate === 'function') {
    const colour = FLASH_COLOURS[tone];
    const animation = element.animate(
      [
        { boxShadow: `0 0 0 6px ${colour}` },
        { boxShadow: `0 0 0 6px ${colour}`, offset: 0.4 },
        { boxShadow: '0 0 0 6px transparent' },
      ],
      { duration: durationMs, easing: 'ease-out' },
    );
    animation.onfinish = done;
    animation.oncancel = done;
  } else {
    setTimeout(done, durationMs);
  }
}
