import { UniqueViolation } from '../shared/validation-error.js';

/** Mapping helpers at the storage boundary: 0/1 integers and JSON text (see schema.ts). */
export const bool = (value: number | boolean | null | undefined): boolean => value === 1 || value === true;
export const int = (value: boolean | undefined): number => (value ? 1 : 0);
export const list = <T = string>(json: string | null): T[] => (json ? (JSON.parse(json) as T[]) : []);
export const json = (value: unknown): string => JSON.stringify(value ?? []);

/** Driver-neutral detection of a unique-constraint failure (SQLite and PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a write whose only unique column callers can hit is `name`: a clash becomes a 422 on it. */
export async function uniqueName<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw isUniqueViolation(error) ? new UniqueViolation('name') : error;
  }
}
