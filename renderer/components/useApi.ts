import { useCallback, useEffect, useState } from 'react';
import type { Input, MethodName, Output } from '../../shared/contract/index.js';
import { invoke } from '../api/client';

/** Loads one contract call and reloads on demand; `error` holds the Chinese message. */
export function useApi<K extends MethodName>(method: K, input: Input<K>, deps: unknown[] = []) {
  const [data, setData] = useState<Output<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // The input and the extra reasons to reload, as one value that changes only when they do.
  const key = JSON.stringify([input, deps]);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await invoke(method, (JSON.parse(key) as [Input<K>, unknown])[0]));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [method, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}
