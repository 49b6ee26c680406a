import { createContext, useCallback, useContext, useEffect, useState } from 'react';

export interface Router {
  /** The path under /admin, e.g. `/auth-clients` or `/users/4`. */
  path: string;
  navigate(to: string, options?: { replace?: boolean }): void;
}

export const RouterContext = createContext<Router>({ path: '/', navigate: () => undefined });

export const BASE = '/admin';

export function toAppPath(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return rest === '' ? '/' : rest;
}

/** A tiny History API router: the console has a handful of routes and no need for more. */
export function useHistoryRouter(): Router {
  const [path, setPath] = useState(() => toAppPath(window.location.pathname));
  useEffect(() => {
    const onPop = () => setPath(toAppPath(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    const url = BASE + to;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setPath(toAppPath(to));
  }, []);
  return { path, navigate };
}

export function useRouter(): Router {
  return useContext(RouterContext);
}

/** Matches `/users/:id` style patterns; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}
