import { describe, expect, it } from 'vitest';
import { withoutLeakedText } from '../../../../src/renderer/scan/leakedText';

describe('removing the first scanner keys from the search field', () => {
  it('an empty search field is empty again', () => {
    expect(
      withoutLeakedText({ value: '', selectionStart: 0, selectionEnd: 0 }, '2700000', '2700000'),
    ).toEqual({
      value: '',
      selectionStart: 0,
      selectionEnd: 0,
    });
  });

  it('a name already typed stays, with the cursor where it was', () => {
    const before = { value: 'Peeters', selectionStart: 7, selectionEnd: 7 };
    expect(withoutLeakedText(before, 'Peetersé&ààààà', 'é&ààààà')).toEqual({
      value: 'Peeters',
      selectionStart: 7,
      selectionEnd: 7,
    });
  });

  it('selected text the scan overwrote comes back, still selected', () => {
    const before = { value: 'Jan Peeters', selectionStart: 4, selectionEnd: 11 };
    expect(withoutLeakedText(before, 'Jan 2700000', '2700000')).toEqual(before);
  });

  it('fields without a caret API (type=number) assume the end', () => {
    const before = { value: '12', selectionStart: null, selectionEnd: null };
    expect(withoutLeakedText(before, '122700000', '2700000')?.value).toBe('12');
  });

  it('if the app changed the text meanwhile, the leaked text is cut out where it is', () => {
    const before = { value: 'peeters', selectionStart: 7, selectionEnd: 7 };
    expect(withoutLeakedText(before, 'PEETERS2700000', '2700000')).toEqual({
      value: 'PEETERS',
      selectionStart: 7,
      selectionEnd: 7,
    });
  });

  it('nothing to undo when the keys never reached the field', () => {
    const before = { value: 'abc', selectionStart: 3, selectionEnd: 3 };
    expect(withoutLeakedText(before, 'abc', '2700000')).toBeNull();
    expect(withoutLeakedText(before, 'xyz', '2700000')).toBeNull();
    expect(withoutLeakedText(before, 'abc', '')).toBeNull();
  });

  it('the field already read the AZERTY keys as digits: still restored to what it held', () => {
    const before = { value: '12', selectionStart: 2, selectionEnd: 2 };
    expect(withoutLeakedText(before, '122700000', 'éèààààà')).toEqual(before);
    const changed = { value: 'x', selectionStart: 0, selectionEnd: 0 };
    expect(withoutLeakedText(changed, 'X2700000', 'éèààààà')?.value).toBe('X');
  });
});
