import { z } from 'zod';

/** Requests of the desk use cases: validated with these schemas whatever the transport. */
export const handOutRequestSchema = z.object({
  card: z.string().regex(/^\d{12}$/),
  staff: z.string().trim().min(1).max(100),
  idChecked: z.boolean(),
  /** Idempotency key from the desk: a double click or double scan sends the same one. */
  requestId: z.string().min(8).max(100).optional(),
  /** The teacher's home postcode, to say where an unknown card most likely is. */
  postcode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});
export type HandOutRequest = z.infer<typeof handOutRequestSchema>;

const collectorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stamboeknummer'), stamboeknummer: z.string().regex(/^\d{8,11}$/) }),
  z.object({
    kind: z.literal('person'),
    name: z.string().trim().min(2).max(200),
    idNote: z.string().trim().min(2).max(200),
  }),
]);

export const groupRequestSchema = z.object({
  collector: collectorSchema,
  cards: z
    .array(z.string().regex(/^\d{12}$/))
    .min(1)
    .max(1000),
  staff: z.string().trim().min(1).max(100),
  idChecked: z.boolean(),
  requestId: z.string().min(8).max(100).optional(),
});
export type GroupRequest = z.infer<typeof groupRequestSchema>;

export const voidRequestSchema = z.object({
  card: z.string().regex(/^\d{12}$/),
  reason: z.string().trim().min(3).max(500),
  staff: z.string().trim().min(1).max(100),
  adminPin: z.string().max(12).optional(),
});
export type VoidRequest = z.infer<typeof voidRequestSchema>;
