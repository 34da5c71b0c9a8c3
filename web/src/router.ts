/**
 * The app's addresses and a minimal history-API router. The server answers every non-API GET with
 * index.html, so these paths can be opened, bookmarked and reloaded directly.
 */
import { useEffect, useState } from 'react';

/** A screen and its parameters. */
export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'overview'; region: string }
  | { name: 'indicators'; region: string }
  | { name: 'indicator'; region: string; seq: number }
  | { name: 'projects'; region: string }
  | { name: 'commitments'; region: string }
  | { name: 'monitoring'; region: string; year?: number }
  | { name: 'import'; region: string }
  | { name: 'assessment'; region: string }
  | { name: 'city'; city: string }
  | { name: 'public'; region: string }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'notFound'; path: string };

const REGION = '(\\d{6})';
const RULES: [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/login$/, () => ({ name: 'login' })],
  [new RegExp(`^/r/${REGION}$`), (m) => ({ name: 'overview', region: m[1] as string })],
  [new RegExp(`^/r/${REGION}/indicators$`), (m) => ({ name: 'indicators', region: m[1] as string })],
  [new RegExp(`^/r/${REGION}/indicators/([1-9]\\d{0,4})$`), (m) => ({ name: 'indicator', region: m[1] as string, seq: Number(m[2]) })],
  [new RegExp(`^/r/${REGION}/projects$`), (m) => ({ name: 'projects', region: m[1] as string })],
  [new RegExp(`^/r/${REGION}/commitments$`), (m) => ({ name: 'commitments', region: m[1] as string })],
  [new RegExp(`^/r/${REGION}/monitoring$`), (m) => ({ name: 'monitoring', region: m[1] as string })],
  [new RegExp(`^/r/${REGION}/import$`), (m) => ({ name: 'import', region: m[1] as string })],
  [new RegExp(`^/r/${REGION}/assessment$`), (m) => ({ name: 'assessment', region: m[1] as string })],
  [new RegExp(`^/city/${REGION}$`), (m) => ({ name: 'city', city: m[1] as string })],
  [new RegExp(`^/public/${REGION}$`), (m) => ({ name: 'public', region: m[1] as string })],
  [/^\/users$/, () => ({ name: 'users' })],
  [/^\/audit$/, () => ({ name: 'audit' })],
];

/**
 * The route of a path ("/r/430602/indicators/1" → indicator 1 of 430602); unknown paths give notFound. The
 * query string carries the monitoring screen's year (?year=2023).
 */
export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [re, make] of RULES) {
    const m = re.exec(path);
    if (m) {
      const route = make(m);
      const year = /^\d{4}$/.exec(new URLSearchParams(search).get('year') ?? '')?.[0];
      return route.name === 'monitoring' && year ? { ...route, year: Number(year) } : route;
    }
  }
  return { name: 'notFound', path: pathname };
}

/** The path of a route (the inverse of parseRoute). */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'login':
      return '/login';
    case 'overview':
      return `/r/${route.region}`;
    case 'indicator':
      return `/r/${route.region}/indicators/${route.seq}`;
    case 'monitoring':
      return `/r/${route.region}/monitoring${route.year ? `?year=${route.year}` : ''}`;
    case 'indicators':
    case 'projects':
    case 'commitments':
    case 'import':
    case 'assessment':
      return `/r/${route.region}/${route.name}`;
    case 'city':
      return `/city/${route.city}`;
    case 'public':
      return `/public/${route.region}`;
    case 'users':
      return '/users';
    case 'audit':
      return '/audit';
    case 'notFound':
      return route.path;
  }
}

/** The region a route is about, if any. */
export function routeRegion(route: Route): string | null {
  return 'region' in route ? route.region : null;
}

const EVENT = 'ecoplan:navigate';

/** Goes to a route (pushes a history entry; `replace` replaces the current one). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = routePath(route);
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo?.(0, 0);
  window.dispatchEvent(new Event(EVENT));
}

/** The current route, updated on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname, window.location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return route;
}
