/** #/cross → overview; #/cross/<pilotId> → pilot; #/cross/<pilotId>/compare?ids=a,b → comparison. */
import type { Route } from '../../app/router';
import { ComparePage } from './ComparePage';
import { Overview } from './Overview';
import { PilotPage } from './PilotPage';

export function CrossPage({ route }: { route: Route }) {
  const [, pilotId, sub] = route.parts;
  if (pilotId && sub === 'compare') {
    const ids = (route.query.get('ids') ?? '').split(',').filter(Boolean);
    return <ComparePage key={pilotId} pilotId={pilotId} initialIds={ids} />;
  }
  if (pilotId) return <PilotPage key={pilotId} id={pilotId} />;
  return <Overview />;
}
