/**
 * The Content-Security-Policy sent with every app:// response: only the bundle's own scripts and
 * styles, images from data:/blob: (barcodes, map), the camera stream, no remote connections, no
 * plugins, no framing by others, no forms posting anywhere. No 'unsafe-eval', no inline scripts.
 */
export const APP_CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['media-src', "'self'", 'blob:', 'mediastream:'],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['frame-src', "'self'", 'blob:'],
  ['worker-src', "'self'", 'blob:'],
  ['manifest-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

export function buildCsp(directives: ReadonlyArray<readonly [string, ...string[]]>): string {
  return directives.map((d) => d.join(' ')).join('; ');
}

export const APP_CSP = buildCsp(APP_CSP_DIRECTIVES);

/** Parses a CSP header into directive → sources (for tests and the smoke test). */
export function parseCsp(header: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}
