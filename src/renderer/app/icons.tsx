/** Inline SVG icons: status is shown by colour AND icon AND words, never colour alone. */
export type IconName =
  'ok' | 'warning' | 'stop' | 'replaced' | 'info' | 'location' | 'clock' | 'scan' | 'undo' | 'print';

const PATHS: Record<IconName, string> = {
  ok: 'M4 12.5l5 5L20 6',
  warning: 'M12 3l10 18H2L12 3zm0 6v5m0 3v.5',
  stop: 'M6 6l12 12M18 6L6 18',
  replaced: 'M4 8h13l-3-3m6 11H7l3 3',
  info: 'M12 8v.5M12 11v6M12 2a10 10 0 100 20 10 10 0 000-20z',
  location: 'M12 21s-7-6.5-7-12a7 7 0 0114 0c0 5.5-7 12-7 12zm0-9a3 3 0 100-6 3 3 0 000 6z',
  clock: 'M12 2a10 10 0 100 20 10 10 0 000-20zm0 5v5l3 3',
  scan: 'M3 7V3h4M17 3h4v4M21 17v4h-4M7 21H3v-4M7 8v8M10 8v8M13 8v8M17 8v8',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  print: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M7 14h10v7H7z',
};

export function Icon({ name, size = 28 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
