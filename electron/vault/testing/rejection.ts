import { AppError } from '../../../shared/contract/define.js';

/** The AppError a promise rejects with; anything else (no rejection, another error) fails the test. */
export async function rejectionOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof AppError)) throw new Error(`expected an AppError, got: ${String(e)}`);
    return e;
  }
  throw new Error('expected a rejection, got none');
}
