import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` items to render now: `first` at once, then `step` more after each paint,
 * so a long page (≈200 村（社区） rows with badges and buttons) shows its top within one frame on
 * a slow PC instead of only when every row is built. Starts over when `resetKey` changes.
 */
export function useProgressive(total: number, resetKey: unknown, first = 30, step = 60): number {
  const [count, setCount] = useState(first);
  useEffect(() => setCount(first), [resetKey, first]);
  useEffect(() => {
    if (count >= total) return;
    const t = setTimeout(() => startTransition(() => setCount((c) => c + step)), 0);
    return () => clearTimeout(t);
  }, [count, total, step]);
  return Math.min(count, total);
}
