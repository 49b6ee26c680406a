/** Field-level input problems; the API answers them as 422 `{message, errors}` (DESIGN §6). */
export class ValidationError extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super(Object.values(errors)[0]?.[0] ?? 'The given data was invalid.');
    this.name = 'ValidationError';
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError({ [field]: [message] });
  }
}

/** Collects messages per field, then throws them all at once. */
export class ValidationErrors {
  private readonly errors = new Map<string, string[]>();

  add(field: string, message: string): void {
    this.errors.set(field, [...(this.errors.get(field) ?? []), message]);
  }

  throwIfAny(): void {
    if (this.errors.size > 0) throw new ValidationError(Object.fromEntries(this.errors));
  }
}

/** A unique constraint was violated; repositories throw it instead of driver errors. */
export class UniqueViolation extends Error {
  constructor(readonly column: string) {
    super(`unique violation on ${column}`);
    this.name = 'UniqueViolation';
  }
}
