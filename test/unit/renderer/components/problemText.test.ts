import { describe, expect, it } from 'vitest';
import { problemText } from '../../../../src/renderer/components/problemText';

describe('desk failure texts', () => {
  it('say a refused group in words, never as its code', () => {
    const text = problemText({ ok: false, error: 'group_refused', refusals: [] }, 'nl');
    expect(text).not.toContain('group_refused');
    expect(text.length).toBeGreaterThan(20);
  });

  it('read card refusals and transport failures as the desk does', () => {
    expect(problemText({ ok: false, error: 'not_collected', card: '123456789012' }, 'nl')).toBe(
      'Deze kaart is niet afgehaald; er is niets te annuleren.',
    );
    expect(problemText({ ok: false, error: 'unavailable', reason: 'refused' }, 'en')).toMatch(
      /no longer has access to the data/,
    );
  });
});
