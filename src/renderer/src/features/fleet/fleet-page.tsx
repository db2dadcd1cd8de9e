/** The fleet page: the overview table, or one resource's detail page when the URL names one (`#/fleet?detail=<key>`). */
import './fleet.css';
import { useEffect } from 'react';
import { useHashRoute } from '../../routing/use-hash-route';
import { ResourceDetailPage } from './detail/resource-detail-page';
import { parseFleetQuery } from './fleet-query';
import { lastFleetView, rememberFleetView } from './fleet-view-memory';
import { FleetOverview } from './fleet-overview';

export function FleetPage() {
  const { route, setQuery } = useHashRoute();
  const view = parseFleetQuery(route.query);

  // Coming back by a bare `#/fleet` link restores the last filters (once, on arrival).
  useEffect(() => {
    const remembered = lastFleetView();
    if (Object.keys(route.query).length === 0 && Object.keys(remembered).length > 0) setQuery(remembered);
    // Only on arrival: afterwards the URL is the source of truth.
  }, []);
  useEffect(() => rememberFleetView(route.query), [route.query]);

  return view.detail ? <ResourceDetailPage resourceKey={view.detail} /> : <FleetOverview />;
}
