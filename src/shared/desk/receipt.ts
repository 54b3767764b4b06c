import type { Lang } from '../lang';
import { brusselsDate, brusselsTime } from '../time/brussels';

/**
 * What the desk prints when one teacher collects the cards of a group of colleagues. Staff read
 * the short group number and the desk's name; the group's UUID and the desk id stay off the paper.
 */
export interface GroupReceipt {
  /** `G1-0042`: the desk's number and its counter. */
  groupNo: string;
  pointName: string;
  /** "Balie 1"; null for a desk this store does not know (printed as "andere balie"). */
  deskName: string | null;
  staff: string;
  /** ISO 8601 with the Brussels offset, e.g. `2027-01-05T10:12:00+01:00`. */
  at: string;
  collector: { kind: 'card'; name: string; card: string } | { kind: 'person'; name: string; idNote: string };
  cards: { card: string; voornaam: string; achternaam: string; postcode: string }[];
}

interface ReceiptText {
  title: string;
  point: string;
  dateTime: string;
  at: (date: string, time: string) => string;
  group: string;
  desk: string;
  /** A desk this one has no name for yet (never the technical id). */
  otherDesk: string;
  collector: string;
  collectorCard: (card: string) => string;
  collectorId: (note: string) => string;
  staff: string;
  cardsHeading: string;
  nr: string;
  cardNumber: string;
  lastName: string;
  firstName: string;
  noCards: string;
  count: (n: number) => string;
  signCollector: string;
  signStaff: string;
}

const TEXT: Record<Lang, ReceiptText> = {
  nl: {
    title: 'Ontvangstbewijs groepsafhaling — Lerarenkaart',
    point: 'Afhaalpunt',
    dateTime: 'Datum en uur',
    at: (date, time) => `${date} om ${time}`,
    group: 'Groepsnummer',
    desk: 'Balie',
    otherDesk: 'andere balie',
    collector: 'Afgehaald door',
    collectorCard: (card) => `lerarenkaart ${card}`,
    collectorId: (note) => `identiteit: ${note}`,
    staff: 'Medewerker',
    cardsHeading: 'Afgehaalde kaarten',
    nr: 'Nr.',
    cardNumber: 'Kaartnummer',
    lastName: 'Achternaam',
    firstName: 'Voornaam',
    noCards: 'Geen kaarten.',
    count: (n) => `Aantal kaarten: ${n}`,
    signCollector: 'Handtekening afhaler',
    signStaff: 'Handtekening medewerker',
  },
  en: {
    title: 'Group collection receipt — Teacher card (Lerarenkaart)',
    point: 'Collection point',
    dateTime: 'Date and time',
    at: (date, time) => `${date} at ${time}`,
    group: 'Group number',
    desk: 'Desk',
    otherDesk: 'another desk',
    collector: 'Collected by',
    collectorCard: (card) => `teacher card ${card}`,
    collectorId: (note) => `identity: ${note}`,
    staff: 'Staff member',
    cardsHeading: 'Cards collected',
    nr: 'No.',
    cardNumber: 'Card number',
    lastName: 'Last name',
    firstName: 'First name',
    noCards: 'No cards.',
    count: (n) => `Number of cards: ${n}`,
    signCollector: 'Signature of collector',
    signStaff: 'Signature of staff member',
  },
};

/** Text for HTML element content and attribute values: nothing in it can become markup. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** `270000000154` → `2700 0000 0154`, so staff can read it aloud; anything else stays as is. */
export function formatCardForPrint(card: string): string {
  return /^\d{12}$/.test(card) ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card;
}

/** `dd-mm-jjjj` and `uu:mm` in Brussels, whatever the machine's time zone. */
function brusselsDayAndTime(at: string): { date: string; time: string } {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`receipt time is not an ISO instant: "${at}"`);
  const [year, month, day] = brusselsDate(instant).split('-');
  return { date: `${day}-${month}-${year}`, time: brusselsTime(instant) };
}

// No external resources, no scripts: the CSP allows only the inline stylesheet below.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 13pt;
  line-height: 1.4; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 5mm; line-height: 1.2; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 6mm; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.mono { font-family: Consolas, "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace; letter-spacing: 0.03em;
  white-space: nowrap; }
table.cards { width: 100%; border-collapse: collapse; font-size: 12.5pt; }
table.cards th, table.cards td { border-bottom: 1px solid #888; padding: 1.6mm 2mm; text-align: left;
  vertical-align: top; }
table.cards th { border-bottom: 2px solid #111; background: #eee; }
table.cards td.nr, table.cards th.nr { text-align: right; width: 3em; }
table.cards td { overflow-wrap: anywhere; }
p.count { font-size: 14pt; font-weight: 700; margin: 4mm 0 0; }
.signatures { display: flex; gap: 14mm; margin-top: 16mm; }
.signature { flex: 1; }
.signature .line { border-bottom: 1px solid #111; height: 18mm; }
.signature .label { margin-top: 1.5mm; font-weight: 600; }
.signature .who { overflow-wrap: anywhere; }
@media print {
  html, body { background: none !important; }
  * { background: transparent !important; color: #000 !important; box-shadow: none !important; }
  body { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  .signatures, p.count { break-inside: avoid; page-break-inside: avoid; }
}
`;

/**
 * The printed receipt of a group collection: a complete HTML5 document, ready for the print
 * dialog (A4), with no resources from outside. Every value from the receipt is escaped.
 *
 * Cards are listed in the given order (the order they were scanned). The teachers' postcodes
 * are left off on purpose: the collector takes this paper away, and a colleague's home
 * postcode is not theirs to carry around.
 */
export function renderGroupReceiptHtml(receipt: GroupReceipt, lang: Lang = 'nl'): string {
  const t = TEXT[lang];
  const e = escapeHtml;
  const { date, time } = brusselsDayAndTime(receipt.at);
  const collector = receipt.collector;
  const collectorDetail =
    collector.kind === 'card'
      ? t.collectorCard(`<span class="mono">${e(formatCardForPrint(collector.card))}</span>`)
      : e(t.collectorId(collector.idNote));

  const rows = receipt.cards
    .map(
      (card, i) =>
        `<tr><td class="nr">${i + 1}</td><td class="mono">${e(formatCardForPrint(card.card))}</td>` +
        `<td>${e(card.achternaam)}</td><td>${e(card.voornaam)}</td></tr>`,
    )
    .join('\n');
  const body = rows === '' ? `<tr><td colspan="4">${e(t.noCards)}</td></tr>` : rows;

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)} — ${e(receipt.groupNo)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(t.title)}</h1>
<dl class="facts">
<dt>${e(t.point)}</dt><dd>${e(receipt.pointName)}</dd>
<dt>${e(t.dateTime)}</dt><dd>${e(t.at(date, time))}</dd>
<dt>${e(t.group)}</dt><dd class="mono">${e(receipt.groupNo)}</dd>
<dt>${e(t.collector)}</dt><dd>${e(collector.name)} (${collectorDetail})</dd>
<dt>${e(t.staff)}</dt><dd>${e(receipt.staff)}</dd>
<dt>${e(t.desk)}</dt><dd>${e(receipt.deskName ?? t.otherDesk)}</dd>
</dl>
<h2>${e(t.cardsHeading)}</h2>
<table class="cards">
<thead><tr><th class="nr" scope="col">${e(t.nr)}</th><th scope="col">${e(t.cardNumber)}</th><th scope="col">${e(t.lastName)}</th><th scope="col">${e(t.firstName)}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="count">${e(t.count(receipt.cards.length))}</p>
<div class="signatures">
<div class="signature"><div class="line"></div><div class="label">${e(t.signCollector)}</div><div class="who">${e(collector.name)}</div></div>
<div class="signature"><div class="line"></div><div class="label">${e(t.signStaff)}</div><div class="who">${e(receipt.staff)}</div></div>
</div>
</body>
</html>
`;
}
