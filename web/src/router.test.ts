import { describe, it, expect } from 'vitest';
import { parseRoute, routePath, routeRegion, type Route } from './router.js';

describe('routes', () => {
  it('parse the app paths', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/r/430602')).toEqual({ name: 'overview', region: '430602' });
    expect(parseRoute('/r/430602/indicators/')).toEqual({ name: 'indicators', region: '430602' });
    expect(parseRoute('/r/430602/indicators/12')).toEqual({ name: 'indicator', region: '430602', seq: 12 });
    expect(parseRoute('/public/430902')).toEqual({ name: 'public', region: '430902' });
    expect(parseRoute('/city/430900')).toEqual({ name: 'city', city: '430900' });
    expect(parseRoute('/users')).toEqual({ name: 'users' });
    expect(parseRoute('/r/430602/monitoring', '?year=2023')).toEqual({ name: 'monitoring', region: '430602', year: 2023 });
    expect(parseRoute('/r/430602/monitoring', '?year=abc')).toEqual({ name: 'monitoring', region: '430602' });
    expect(parseRoute('/r/430602/projects', '?year=2023')).toEqual({ name: 'projects', region: '430602' });
  });

  it('refuse malformed regions and numbers', () => {
    expect(parseRoute('/r/4306/indicators').name).toBe('notFound');
    expect(parseRoute('/r/430602/indicators/0').name).toBe('notFound');
    expect(parseRoute('/public/../api').name).toBe('notFound');
  });

  it('print back to the same path', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'overview', region: '430602' },
      { name: 'indicators', region: '430602' },
      { name: 'indicator', region: '430602', seq: 7 },
      { name: 'projects', region: '430902' },
      { name: 'commitments', region: '430902' },
      { name: 'import', region: '430902' },
      { name: 'assessment', region: '430902' },
      { name: 'city', city: '430900' },
      { name: 'public', region: '430902' },
      { name: 'users' },
      { name: 'audit' },
      { name: 'monitoring', region: '430602' },
      { name: 'monitoring', region: '430602', year: 2023 },
    ];
    for (const r of routes) {
      const [path, search] = routePath(r).split('?');
      expect(parseRoute(path as string, search ? `?${search}` : '')).toEqual(r);
    }
  });

  it('name the region of a route', () => {
    expect(routeRegion({ name: 'projects', region: '430902' })).toBe('430902');
    expect(routeRegion({ name: 'city', city: '430900' })).toBeNull();
  });
});
