import { useRef } from 'react';

/**
 * The last non-empty value. A dialog is closed by clearing what it was opened for, but it fades
 * out for a moment after that: showing this instead keeps its title and text from flipping to
 * another wording (or going blank) while it disappears.
 */
export function useLastShown<T>(value: T | null | undefined): T | null {
  const last = useRef<T | null>(null);
  if (value !== null && value !== undefined) last.current = value;
  return last.current;
}
