/** Expected failures travel as values; exceptions are for bugs. */
export type Ok<T> = { ok: true; value: T };
export type Failure<E extends string, D extends object = object> = { ok: false; error: E } & D;
export type Result<T, F extends { ok: false }> = Ok<T> | F;

/** The store could not write (full disk, or another desk held it too long): nothing was written. */
export type StoreWriteFailure = Failure<'store_full'> | Failure<'store_busy'>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail<E extends string, D extends object = object>(error: E, details?: D): Failure<E, D> {
  return { ok: false, error, ...(details ?? ({} as D)) } as Failure<E, D>;
}

/** Compile-time exhaustiveness check for switches over result kinds. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
