/**
 * The dashboard's current view, read from the location hash and followed on `hashchange`, so
 * links, Back and Forward, and the hover card's deep link all move between views.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, type Route } from '../../lib/dashboard/routes';
import { expectViewFocus } from './view-focus';

export function useRoute() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => {
      expectViewFocus();
      setRoute(parseRoute(location.hash));
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** Moves to a view, with a history entry (Back returns). */
export function navigate(route: Route): void {
  location.hash = formatRoute(route);
}

/** Rewrites the hash without a history entry or a `hashchange` (a search box's words as typed). */
export function replaceHash(route: Route | null): void {
  history.replaceState(history.state, '', route ? formatRoute(route) : location.pathname + location.search);
}
