import type { Route } from '../../app/router';
import { VillageDetail } from './VillageDetail';
import { VillageList } from './VillageList';

/** `#/villages` (optionally `?town=<code>`) lists; `#/villages/<id>` shows one village. */
export function VillagesPage({ route }: { route: Route }) {
  const id = route.parts[1];
  if (id) return <VillageDetail key={id} id={decodeURIComponent(id)} />;
  return <VillageList initialTown={route.query.get('town')} />;
}
