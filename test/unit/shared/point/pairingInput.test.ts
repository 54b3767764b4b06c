import { describe, expect, it } from 'vitest';
import { hostAddressOf, pairingCodeOf } from '../../../../src/shared/point/pairingInput';

describe('the pairing code as people type it', () => {
  it.each([
    ['482-913', '482-913'],
    ['482913', '482-913'],
    [' 482 913 ', '482-913'],
    ['482–913', '482-913'], // an en dash, pasted from a mail
    ['48.29.13', '482-913'],
  ])('%j is the code 482-913', (typed, code) => {
    expect(pairingCodeOf(typed)).toBe(code);
  });

  it('anything but six digits stays as typed, so the host refuses it as a wrong code', () => {
    expect(pairingCodeOf('48291')).toBe('48291');
    expect(pairingCodeOf(' 482-91a ')).toBe('482-91a');
  });
});

describe("the host's address as people type it", () => {
  it('HOST:PORT without a scheme is the https address; a typed scheme is kept', () => {
    expect(hostAddressOf(' 10.0.4.21:47470 ')).toBe('https://10.0.4.21:47470');
    expect(hostAddressOf('balie-1.bib.local:47470')).toBe('https://balie-1.bib.local:47470');
    expect(hostAddressOf('[fe80::1]:47470')).toBe('https://[fe80::1]:47470');
    expect(hostAddressOf('https://10.0.4.21:47470')).toBe('https://10.0.4.21:47470');
    // Plain HTTP is kept as typed, and joinPoint refuses it.
    expect(hostAddressOf('http://10.0.4.21:47470')).toBe('http://10.0.4.21:47470');
  });
});
