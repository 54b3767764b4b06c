import { describe, expect, it } from 'vitest';
import { loadPostcodeCells } from '../../../../../src/main/platform/postcodeCells';
import { renderOverviewHtml } from '../../../../../src/main/useCases/overview/overviewHtml';
import type { OverviewStats } from '../../../../../src/shared/api/apiTypes';

const stats: OverviewStats = {
  totals: { cards: 56, waiting: 40, collected: 12, revoked: 3, replaced: 1, returned: 0, byPostcode: [] },
  perDay: [
    { day: '2027-01-05', handedOut: 8 },
    { day: '2027-01-08', handedOut: 4 },
  ],
  lastReport: null,
  leftovers: 40,
};
const points = [
  { postcode: '9000', plaats: 'Gent', lat: 51.05, lon: 3.72, cards: 30, collected: 10 },
  { postcode: '9050', plaats: 'Gentbrugge', lat: 51.04, lon: 3.75, cards: 26, collected: 2 },
];

function render(pointName = 'Bibliotheek De Krook', lang: 'nl' | 'en' = 'nl') {
  return renderOverviewHtml({
    stats,
    points,
    map: loadPostcodeCells(),
    pointName,
    now: new Date('2027-01-08T15:00:00Z'),
    lang,
  });
}

describe('the Overzicht as a printable page', () => {
  it('holds the totals, a bar per day from the first to the last, and the point’s postcodes on the map', () => {
    const html = render();
    expect(html).toContain('21,4%</span> 12 van 56 kaarten afgehaald');
    expect(html.match(/<rect [^>]*fill="#2456a6"/g)).toHaveLength(4); // 5, 6, 7 and 8 January
    expect(html.match(/class="be-map-area"/g)).toHaveLength(2);
    expect(html).toContain('9050 Gentbrugge: 2 van 26 afgehaald (7,7%)');
    expect(html).toContain('Gemaakt op 08-01-2027 om 16:00');
    expect(render('Bib', 'en')).toContain('12 of 56 cards collected');
  });

  it('escapes the point’s name and needs nothing from outside', () => {
    const html = render('<script>x</script> & "Co"');
    expect(html).toContain('Overzicht — &lt;script&gt;x&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/https?:|\b(src|href)=|url\(/i);
  });
});
