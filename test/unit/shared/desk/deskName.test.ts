import { describe, expect, it } from 'vitest';
import { checkDeskName, formatGroupNo } from '../../../../src/shared/desk/deskName';

describe('desk names and group numbers', () => {
  it('writes a group number as G<desk>-<four digits>, and wider past 9999', () => {
    expect(formatGroupNo(1, 42)).toBe('G1-0042');
    expect(formatGroupNo(3, 7)).toBe('G3-0007');
    expect(formatGroupNo(12, 9999)).toBe('G12-9999');
    expect(formatGroupNo(1, 10000)).toBe('G1-10000');
  });

  it('trims a desk name and folds repeated spaces, counting characters, not UTF-16 units', () => {
    expect(checkDeskName('  Balie   1 ')).toEqual({ ok: true, value: 'Balie 1' });
    expect(checkDeskName('🙂'.repeat(40)).ok).toBe(true);
    expect(checkDeskName('🙂'.repeat(41))).toEqual({ ok: false, error: 'desk_name_invalid', max: 40 });
    expect(checkDeskName('Balie\t1')).toMatchObject({ ok: false, error: 'desk_name_invalid' });
  });
});
