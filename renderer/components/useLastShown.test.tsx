// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { useLastShown } from './useLastShown';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function DialogTitle({ closing }: { closing: '已结束' | '已取消' | null }) {
  const shown = useLastShown(closing);
  return <h2>{shown === '已结束' ? '结束结对' : '取消结对'}</h2>;
}

const host = document.createElement('div');
const root = createRoot(host);
afterEach(() => act(() => root.render(null)));

it('keeps the title of the dialog being closed instead of flipping to the other wording', () => {
  act(() => root.render(<DialogTitle closing="已结束" />));
  expect(host.textContent).toBe('结束结对');
  // Confirming clears the state; the dialog is still fading out and must say the same.
  act(() => root.render(<DialogTitle closing={null} />));
  expect(host.textContent).toBe('结束结对');
  act(() => root.render(<DialogTitle closing="已取消" />));
  expect(host.textContent).toBe('取消结对');
});
