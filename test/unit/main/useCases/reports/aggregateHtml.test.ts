import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderAggregateHtml } from '../../../../../src/main/useCases/reports/aggregateHtml';
import { loadPostcodeCells } from '../../../../../src/main/platform/postcodeCells';
import { selectLatestReports } from '../../../../../src/shared/report/aggregate';
import type { ReportPayload, VerifiedReport } from '../../../../../src/shared/report/reportPayload';
import { payloadFor } from '../../../../helpers/reportFixtures';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const map = loadPostcodeCells();
const NOW = new Date('2027-02-10T09:00:00Z');

function verified(file: string, overrides: Partial<ReportPayload>): VerifiedReport {
  return { file, payload: payloadFor(overrides), fileSha256: sha(file), keyid: 'a'.repeat(64) };
}

const gent = verified('gent-1.lkr.json', { generatedAt: '2027-02-09T17:00:00+01:00' });
const hostile = verified('<img src=x onerror=alert(1)>.lkr.json', {
  pointId: 'X"&<b>',
  pointName: '<script>alert("naam")</script> & Co',
  generatedAt: '2027-01-20T10:00:00+01:00',
  totals: { cards: 5, collected: 1, waiting: 4, revoked: 0, replaced: 0 },
  byPostcode: [{ postcode: '2000', cards: 5, collected: 1 }],
});

function render(reports: VerifiedReport[], options: { allowConflicts?: boolean } = {}) {
  return renderAggregateHtml({
    outcome: { refused: [], selection: selectLatestReports(reports) },
    map,
    now: NOW,
    staleDays: 7,
    allowConflicts: options.allowConflicts ?? false,
  });
}

describe('the issuer’s HTML report', () => {
  it('escapes every text that comes from a report: point id and name, file names', () => {
    // A rival of the hostile report with the same sequence: its file names reach the problem list.
    const rival = verified('"><svg onload=alert(2)>.lkr.json', {
      ...hostile.payload,
      totals: { cards: 5, collected: 2, waiting: 3, revoked: 0, replaced: 0 },
    });
    const html = render([gent, hostile, rival], { allowConflicts: true });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<svg onload/);
    expect(html).toContain('&lt;script&gt;alert(&quot;naam&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('X&quot;&amp;&lt;b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.lkr.json');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(2)&gt;.lkr.json');
  });

  it('is self-contained: no URL, no script, no external resource', () => {
    const html = render([gent, hostile]);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|<link|<script|<iframe|<img/i);
    expect(html).toContain("default-src 'none'");
  });

  it('puts the chain problems first, in the problems box, and leaves the broken point out of the figures', () => {
    const rival = verified('gent-1-bis.lkr.json', {
      totals: { cards: 10, collected: 4, waiting: 5, revoked: 1, replaced: 0 },
    });
    const html = render([gent, rival]);
    const problems = html.indexOf('class="problems"');
    expect(problems).toBeGreaterThan(0);
    expect(problems).toBeLessThan(html.indexOf('data-testid="totals"'));
    expect(html).toContain('gent-1-bis.lkr.json');
    expect(html).toContain('Niet meegeteld tot iemand beslist welk rapport klopt: BIB-GENT');
    expect(html).toContain('data-testid="total-cards">0<');
    expect(render([gent, rival], { allowConflicts: true })).toContain(
      'Samengevoegd ondanks 1 ketenproblemen',
    );
    expect(render([gent])).not.toContain('class="problems"');
  });

  it('shows the totals, one map area per postcode in the reports, and one per province', () => {
    const html = render([gent, hostile]);
    expect(html).toContain('data-testid="total-cards">15<');
    expect(html).toContain('data-testid="total-collected">4<');
    expect(html).toContain('data-testid="total-percent">26,7%<');
    const postcodeMap = html.slice(html.indexOf('data-testid="postcode-map"'));
    const areas = postcodeMap.slice(0, postcodeMap.indexOf('</svg>')).match(/data-postcode="(\d+)"/g);
    expect(areas).toEqual(['data-postcode="2000"', 'data-postcode="9000"', 'data-postcode="9050"']);
    expect(html.match(/data-province="/g)).toHaveLength(2); // Antwerpen and Oost-Vlaanderen
    expect(html).toContain('9000 Gent: 2 van 6 afgehaald (33,3%)');
  });

  it('marks a point stale when its last report is older than --stale-days', () => {
    const html = render([gent, hostile]);
    const rows = html.match(/<tr( class="stale")?><th scope="row">[^<]*</g) ?? [];
    expect(rows).toContain('<tr><th scope="row">BIB-GENT<');
    expect(rows).toContain('<tr class="stale"><th scope="row">X&quot;&amp;&lt;b&gt;<');
    expect(html).toContain('21 dagen — verouderd');
    expect(html).toContain('1 dag<');
  });

  it('lists postcodes that are not on the map instead of dropping them', () => {
    const odd = verified('odd.lkr.json', {
      pointId: 'BIB-ODD',
      byPostcode: [{ postcode: '9999', cards: 1, collected: 0 }],
      totals: { cards: 1, collected: 0, waiting: 1, revoked: 0, replaced: 0 },
    });
    expect(map.cells.some((c) => c.postcode === '9999')).toBe(false);
    expect(render([odd])).toContain('1 postcode uit de rapporten staat niet op de kaart: 9999.');
  });
});
