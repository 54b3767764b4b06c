import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCardForPrint, renderGroupReceiptHtml } from '../../../../src/shared/desk/receipt';
import type { GroupReceipt } from '../../../../src/shared/desk/receipt';

// The desk PC may be set to any zone; the receipt must still show Brussels time.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Anchorage';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function receipt(overrides: Partial<GroupReceipt> = {}): GroupReceipt {
  return {
    groupNo: 'G3-0007',
    pointName: 'Letterenhuis Antwerpen',
    deskName: 'Groepen',
    staff: 'An Peeters',
    at: '2027-01-05T10:12:00+01:00',
    collector: { kind: 'card', name: "Marie D'Hondt", card: '270000000154' },
    cards: [
      { card: '270000000154', voornaam: 'Marie', achternaam: "D'Hondt", postcode: '2000' },
      { card: '270000000251', voornaam: 'Jan', achternaam: 'Van den Broeck', postcode: '2018' },
      { card: '270000000348', voornaam: 'Ömer', achternaam: 'Yılmaz & Co', postcode: '2060' },
    ],
    ...overrides,
  };
}

/** The visible text of a cell-free rendering: tags removed, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}

function bodyRows(html: string): string[] {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return tbody.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
}

describe('group collection receipt', () => {
  it('is a complete Dutch HTML document with the receipt heading and signature lines', () => {
    const html = renderGroupReceiptHtml(receipt());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<title>Ontvangstbewijs groepsafhaling — Lerarenkaart — G3-0007<\/title>/);
    expect(html).toContain('<h1>Ontvangstbewijs groepsafhaling — Lerarenkaart</h1>');
    const visible = text(html);
    for (const label of [
      'Afhaalpunt',
      'Letterenhuis Antwerpen',
      'Groepsnummer',
      'G3-0007',
      'Afgehaald door',
      'Medewerker An Peeters',
      'Kaartnummer',
      'Handtekening afhaler',
      'Handtekening medewerker',
    ]) {
      expect(visible).toContain(label);
    }
  });

  it('names the desk as staff know it and prints the short group number, never a UUID or desk id', () => {
    const visible = text(renderGroupReceiptHtml(receipt()));
    expect(visible).toContain('Groepsnummer G3-0007');
    expect(visible).toContain('Balie Groepen');
    expect(visible).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|desk-/);
  });

  it('prints "andere balie" for a desk this store does not know yet (English: "another desk")', () => {
    expect(text(renderGroupReceiptHtml(receipt({ deskName: null })))).toContain('Balie andere balie');
    expect(text(renderGroupReceiptHtml(receipt({ deskName: null }), 'en'))).toContain('Desk another desk');
  });

  it('shows a name like <script> as text, never as markup', () => {
    const evil = '<script>alert(1)</script>';
    const html = renderGroupReceiptHtml(
      receipt({
        staff: '<b>staff</b>',
        pointName: 'Bib "Noord" & <Zuid>',
        collector: { kind: 'person', name: evil, idNote: "eID <img src=x onerror='1'>" },
        cards: [{ card: '270000000154', voornaam: evil, achternaam: "O'Brien", postcode: '9000' }],
      }),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien');
    const visible = text(html);
    expect(visible).toContain(evil);
    expect(visible).toContain('Bib "Noord" & <Zuid>');
    expect(visible).toContain("identiteit: eID <img src=x onerror='1'>");
  });

  it('lists every card, numbered, with its number in groups of four and the count', () => {
    const cards = Array.from({ length: 37 }, (_, i) => ({
      card: `2700000${String(i).padStart(3, '0')}01`,
      voornaam: `Voornaam${i}`,
      achternaam: `Achternaam${i}`,
      postcode: '2000',
    }));
    const html = renderGroupReceiptHtml(receipt({ cards }));
    const rows = bodyRows(html);
    expect(rows).toHaveLength(37);
    rows.forEach((row, i) => {
      const card = cards[i];
      if (!card) throw new Error('missing card');
      expect(row).toContain(`<td class="nr">${i + 1}</td>`);
      expect(row).toContain(formatCardForPrint(card.card));
      expect(row).toContain(card.achternaam);
      expect(row).toContain(card.voornaam);
    });
    expect(text(html)).toContain('Aantal kaarten: 37');
    expect(formatCardForPrint('270000000154')).toBe('2700 0000 0154');
    expect(html).toContain('<td class="mono">2700 0000 3601</td>');
  });

  it('shows the collector with their own card number, or with the ID note', () => {
    expect(text(renderGroupReceiptHtml(receipt()))).toContain(
      "Afgehaald door Marie D'Hondt (lerarenkaart 2700 0000 0154 )",
    );
    const person = renderGroupReceiptHtml(
      receipt({ collector: { kind: 'person', name: 'Els Jacobs', idNote: 'eID gecontroleerd' } }),
    );
    expect(text(person)).toContain('Els Jacobs (identiteit: eID gecontroleerd)');
  });

  it('prints a winter moment in Brussels time (UTC+1), not the PC zone', () => {
    expect(new Date('2027-01-05T09:12:00Z').getHours()).toBe(0); // really running in Anchorage
    expect(text(renderGroupReceiptHtml(receipt({ at: '2027-01-05T09:12:00Z' })))).toContain(
      '05-01-2027 om 10:12',
    );
    expect(text(renderGroupReceiptHtml(receipt({ at: '2027-01-05T10:12:00+01:00' })))).toContain(
      '05-01-2027 om 10:12',
    );
  });

  it('prints a summer moment in Brussels time (UTC+2), including the day it falls on there', () => {
    // 22:45 UTC on 29 June is already 30 June in Brussels (and still 29 June, 14:45, in Anchorage).
    const html = renderGroupReceiptHtml(receipt({ at: '2027-06-29T22:45:00Z' }));
    expect(text(html)).toContain('30-06-2027 om 00:45');
    expect(text(renderGroupReceiptHtml(receipt({ at: '2027-06-30T00:45:00+02:00' })))).toContain(
      '30-06-2027 om 00:45',
    );
  });

  it('says "1" card without a plural slip and handles an empty list', () => {
    const one = receipt().cards.slice(0, 1);
    expect(text(renderGroupReceiptHtml(receipt({ cards: one })))).toContain('Aantal kaarten: 1');
    const none = renderGroupReceiptHtml(receipt({ cards: [] }));
    expect(text(none)).toContain('Aantal kaarten: 0');
    expect(text(none)).toContain('Geen kaarten.');
  });

  it('prints on A4 with repeated table headers, unsplit rows and no backgrounds', () => {
    const html = renderGroupReceiptHtml(receipt());
    expect(html).toMatch(/@page\s*{[^}]*size: A4;[^}]*margin:/);
    const print = /@media print\s*{([\s\S]*)}\s*<\/style>/.exec(html)?.[1] ?? '';
    expect(print).toMatch(/thead\s*{\s*display: table-header-group;/);
    expect(print).toMatch(/tr[^{]*{[^}]*break-inside: avoid;/);
    expect(print).toMatch(/background: (none|transparent)/);
    expect(html).toContain('<thead>');
  });

  it('loads nothing from outside: no links, scripts or remote URLs, and a strict CSP', () => {
    const html = renderGroupReceiptHtml(receipt());
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/url\(/);
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain('default-src &#39;none&#39;');
  });

  it('has an English version with the same content', () => {
    const html = renderGroupReceiptHtml(receipt({ at: '2027-06-29T22:45:00Z' }), 'en');
    expect(html).toContain('<html lang="en">');
    const visible = text(html);
    expect(visible).toContain('Group collection receipt');
    expect(visible).toContain('30-06-2027 at 00:45');
    expect(visible).toContain('Number of cards: 3');
    expect(visible).toContain('Signature of collector');
    expect(visible).toContain('Signature of staff member');
    expect(bodyRows(html)).toHaveLength(3);
  });

  it('leaves the teachers\u2019 home postcodes off the paper the collector takes away', () => {
    const html = renderGroupReceiptHtml(receipt());
    expect(text(html)).not.toMatch(/\b2018\b|\b2060\b/);
  });
});
