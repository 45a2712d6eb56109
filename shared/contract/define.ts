import '../zodLocale.js';
import { z } from 'zod';

/** One contract entry: the zod schema of the input and (as a phantom type) the result. */
export interface Method<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time; carries the result type. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): Method<I, O> => ({ input });
}

export type AnyContract = Record<string, Method<z.ZodType, unknown>>;
export type InputOf<M> = M extends Method<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends Method<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends Method<z.ZodType, infer O> ? O : never;

/** An update's fields: any subset; `null` clears an optional field. */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

const isFieldMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A new record's fields, typed as the domain schema takes them. The router only checks that they
 * are an object; the handler parses them with the domain schema itself, so each field error comes
 * back under the field's own key with the record named ("干部档案：…"), as the forms expect.
 */
export function recordFields<S extends z.ZodType>(_schema: S) {
  return z.custom<z.input<S>>(isFieldMap, '记录内容应为字段表');
}

/** An update to a record of the domain schema: see Patch; parsed by the handler merged over the stored record. */
export function recordPatch<S extends z.ZodType>(_schema: S) {
  return z.custom<Patch<z.input<S>>>(isFieldMap, '记录内容应为字段表');
}

/** Errors cross the boundary as plain data with a Chinese message. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For validation errors: field path → message. */
  fields?: Record<string, string>;
}

export type ErrorCode =
  | 'LOCKED'
  | 'NO_VAULT'
  | 'WRONG_PASSWORD'
  | 'DAMAGED'
  | 'READ_ONLY'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_METHOD'
  | 'IO'
  | 'INTERNAL'
  /** The user stopped a long job (job.cancel); the UI says 已取消 quietly, not as an error. */
  | 'CANCELLED';

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toJSON(): ApiError {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}

/** Field path → first message, for showing errors next to form fields. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
