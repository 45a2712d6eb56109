import { useEffect, useState } from 'react';

/** Minimal hash router: "#/cadres/abc?tab=history" → { path: '/cadres/abc', query }. */
export interface Route {
  path: string;
  parts: string[];
  query: URLSearchParams;
}

function parse(): Route {
  const raw = location.hash.replace(/^#/, '');
  if (raw.startsWith('token=')) return { path: '/', parts: [], query: new URLSearchParams() };
  const [path, qs] = raw.split('?');
  const p = path || '/';
  return { path: p, parts: p.split('/').filter(Boolean), query: new URLSearchParams(qs ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const on = () => setRoute(parse());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(path: string): void {
  location.hash = path;
}
