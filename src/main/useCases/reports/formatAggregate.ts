import type { AggregateBy, AggregateRow, AggregateTable } from '../../../shared/report/aggregate';

export type AggregateFormat = 'table' | 'csv' | 'json';

const KEY_HEADER: Record<AggregateBy, string> = {
  province: 'Provincie',
  point: 'Punt',
  postcode: 'Postcode',
};

const wholeNl = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0, useGrouping: true });
const percentNl = new Intl.NumberFormat('nl-BE', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  useGrouping: false,
});

/**
 * Aligned table with Dutch headers and nl-BE numbers (`1.234`, `41,5`), a rule under the header
 * and a `Totaal` line at the bottom. Ends with a newline.
 */
export function formatAggregateTable(table: AggregateTable): string {
  const header = [KEY_HEADER[table.by], 'Kaarten', 'Afgehaald', '%'];
  const body = table.rows.map((r) => [
    r.key,
    wholeNl.format(r.cards),
    wholeNl.format(r.collected),
    percentNl.format(r.percent),
  ]);
  const total = [
    'Totaal',
    wholeNl.format(table.total.cards),
    wholeNl.format(table.total.collected),
    percentNl.format(table.total.percent),
  ];
  const all = [header, ...body, total];
  const widths = header.map((_, c) => Math.max(...all.map((line) => (line[c] ?? '').length)));
  const render = (line: string[]) =>
    line
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(header), rule, ...body.map(render), rule, render(total)].join('\n') + '\n';
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV for machines: `;`-separated, header `key;cards;collected;percent`, dot decimal, LF line ends.
 * Only the rows: no total line, so a column sum never counts twice.
 */
export function formatAggregateCsv(table: AggregateTable): string {
  const lines = ['key;cards;collected;percent'];
  for (const r of table.rows)
    lines.push([csvField(r.key), r.cards, r.collected, r.percent.toFixed(1)].join(';'));
  return lines.join('\n') + '\n';
}

/** JSON: an array of `{ key, cards, collected, percent }` (numbers), rows only, pretty-printed. */
export function formatAggregateJson(table: AggregateTable): string {
  const rows: AggregateRow[] = table.rows.map(({ key, cards, collected, percent }) => ({
    key,
    cards,
    collected,
    percent,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

export function formatAggregate(table: AggregateTable, format: AggregateFormat): string {
  switch (format) {
    case 'table':
      return formatAggregateTable(table);
    case 'csv':
      return formatAggregateCsv(table);
    case 'json':
      return formatAggregateJson(table);
  }
}
