import { z } from 'zod';
import { isIsoDate } from '../time/brussels';

export const BATCH_FORMAT = 'lerarenkaart-batch/1';
export const KNOWN_ENTRIES = ['manifest.json', 'manifest.sig', 'cards.csv', 'points.csv'] as const;
export type DataFileName = 'cards.csv' | 'points.csv';

const isoDate = z.string().refine(isIsoDate, { message: 'datum JJJJ-MM-DD' });
const fileEntry = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: '64 kleine hexadecimale tekens' }),
  rows: z.number().int().nonnegative(),
});

/** manifest.json per spec/batch-format.md; unknown keys are ignored (forward compatible). */
export const manifestSchema = z
  .object({
    format: z.string(),
    batchId: z.string().trim().min(1).max(100),
    pointId: z.string().trim().min(1).max(100),
    pointName: z.string().trim().min(1).max(300),
    cardYear: z.number().int().min(2000).max(2200),
    issuedAt: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: 'ISO 8601-tijdstip' }),
    availableFrom: isoDate,
    availableUntil: isoDate,
    files: z.record(z.string(), fileEntry),
  })
  .refine((m) => m.availableFrom <= m.availableUntil, {
    message: 'availableFrom ligt na availableUntil',
    path: ['availableUntil'],
  })
  .refine((m) => 'cards.csv' in m.files, { message: 'cards.csv ontbreekt in files', path: ['files'] });

export type Manifest = z.infer<typeof manifestSchema>;
