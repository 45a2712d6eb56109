/** #/cadres → list, #/cadres/new → blank file, #/cadres/<id> → that file. */
import type { Route } from '../../app/router';
import { CadreListPage } from './CadreListPage';
import { CadrePage } from './CadrePage';

export function CadresModule({ route }: { route: Route }) {
  const sub = route.parts[1];
  if (!sub) return <CadreListPage />;
  if (sub === 'new') return <CadrePage key="new" id={null} />;
  const id = decodeURIComponent(sub);
  return <CadrePage key={id} id={id} />;
}
