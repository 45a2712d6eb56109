import { ApiCallError } from '../api/client';
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

/**
 * A dialog's save: errors the contract names by field go beside their fields, any other error is
 * one message above the buttons, and a save that went through closes the dialog and refreshes.
 */
export function useDialogSave(onClose: () => void, onDone: () => void) {
  const submit = useSubmit();
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = (action: () => Promise<unknown>) =>
    submit.run(
      async () => {
        setFields({});
        await action();
        onClose();
        onDone();
      },
      (e) => setFields(e instanceof ApiCallError ? e.fields : {}),
    );
  const formError = Object.keys(fields).length === 0 ? submit.error : null;
  return { busy: submit.busy, fields, formError, save };
}
