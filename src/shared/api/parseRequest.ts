import type { z } from 'zod';
import type { InvalidRequest } from './apiTypes';
import { fail, ok } from '../result';
import type { Result } from '../result';

/** Validates input at a boundary; a bad request is an expected failure, listed field by field. */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): Result<z.output<S>, InvalidRequest> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  return fail('invalid_request', {
    issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
  });
}
