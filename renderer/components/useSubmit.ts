import { useState } from 'react';

/**
 * The busy flag and the error message of a form's one async action (save, unlock, import…).
 * Each attempt clears the previous error first, so what shows is always the latest attempt's.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs the action; a thrown error becomes the message (onError sees it first, e.g. for field errors). */
  async function run(action: () => Promise<void>, onError?: (e: unknown) => void): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      onError?.(e);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
