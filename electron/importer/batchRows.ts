/**
 * The rows an import batch is asked to create or overwrite. Readers that run in a worker
 * (花名册, .lrmx) produce them, so they are kept apart from the batch commit, which needs the session.
 */
export interface BatchCreate {
  row: number | string;
  data: unknown;
}
export interface BatchUpdate {
  row: number | string;
  cadreId: string;
  /** The record as previewed; a record changed since then is not overwritten blindly. */
  updatedAt?: string;
  data: unknown;
}
