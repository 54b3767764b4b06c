import { describe, expect, it } from 'vitest';
import { parseYamlSubset, YamlSubsetError } from '../../../../../src/main/platform/updates/yamlSubset';

describe('parseYamlSubset', () => {
  it('reads an electron-builder latest.yml', () => {
    const text = [
      'version: 1.4.0',
      'files:',
      '  - url: Lerarenkaart-Balie-Setup-1.4.0.exe',
      '    sha512: abc==',
      '    size: 123',
      'path: Lerarenkaart-Balie-Setup-1.4.0.exe',
      "releaseDate: '2027-01-05T10:00:00.000Z'",
      'stagingPercentage: 25',
      '',
    ].join('\n');
    expect(parseYamlSubset(text)).toEqual({
      version: '1.4.0',
      files: [{ url: 'Lerarenkaart-Balie-Setup-1.4.0.exe', sha512: 'abc==', size: 123 }],
      path: 'Lerarenkaart-Balie-Setup-1.4.0.exe',
      releaseDate: '2027-01-05T10:00:00.000Z',
      stagingPercentage: 25,
    });
  });

  it('handles nesting, sequences at the same indent as their key, comments, quotes, booleans and flow lists', () => {
    const text = [
      '# comment',
      'a:',
      '  b: true # trailing comment',
      '  c: "x # not a comment"',
      "  d: 'it''s'",
      'list:',
      '- one',
      '- two',
      'targets: [AppImage, deb]',
      'empty:',
      'url: https://host/${channel}',
    ].join('\n');
    expect(parseYamlSubset(text)).toEqual({
      a: { b: true, c: 'x # not a comment', d: "it's" },
      list: ['one', 'two'],
      targets: ['AppImage', 'deb'],
      empty: null,
      url: 'https://host/${channel}',
    });
  });

  it('refuses what it does not understand instead of guessing', () => {
    expect(() => parseYamlSubset('a: &anchor 1')).toThrow(YamlSubsetError);
    expect(() => parseYamlSubset('notes: |\n  text')).toThrow(/block scalars/);
    expect(() => parseYamlSubset('a: 1\na: 2')).toThrow(/duplicate/);
    expect(() => parseYamlSubset('a: 1\n---\nb: 2')).toThrow(/one document/);
    expect(() => parseYamlSubset('a:\n    b: 1\n  c: 2')).toThrow(/indentation/);
  });
});
