import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from './api/http';
import type { Me } from './api/types';
import { usersApi } from './api/users';
import type { RuntimeConfig } from './auth/runtime-config';
import { signOut } from './auth/session';
import { Layout } from './components/Layout';
import { StatusScreen } from './components/StatusScreen';
import { matchPath, RouterContext, useHistoryRouter, useRouter } from './hooks/use-router';
import { SessionContext, type Session } from './hooks/use-session';
import { homePath, ROUTES } from './routes';

/** The signed-in console: loads `/me`, then routes by path and permission. */
export function App({ config }: { config: RuntimeConfig }) {
  const router = useHistoryRouter();
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<string | null>(null);

  const reloadMe = useCallback(async () => {
    try {
      setMe(await usersApi.me());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void reloadMe();
  }, [reloadMe]);

  const session = useMemo<Session | null>(() => {
    if (!me) return null;
    const held = new Set(me.permissions ?? []);
    return { me, config, can: (p) => held.has(p), reloadMe, signOut: () => void signOut(config), endSession: setEnded };
  }, [me, config, reloadMe]);

  if (ended) return <StatusScreen title="You have been signed out" message={ended} action={{ label: 'Sign in again', onClick: () => void signOut(config) }} />;
  if (error) return <StatusScreen title="The console could not load" message={error} action={{ label: 'Sign out', onClick: () => void signOut(config) }} />;
  if (!session) return <StatusScreen title="Loading…" />;

  const page = resolve(router.path, session);
  return (
    <RouterContext.Provider value={router}>
      <SessionContext.Provider value={session}>
        <Layout>{page}</Layout>
      </SessionContext.Provider>
    </RouterContext.Provider>
  );
}

function resolve(path: string, session: Session) {
  if (path === '/' || path === '') return <Redirect to={homePath(session.can)} />;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    if (route.permission && !session.can(route.permission)) return <Forbidden />;
    return route.render(params);
  }
  return <NotFound />;
}

function Redirect({ to }: { to: string }) {
  const router = useRouter();
  useEffect(() => router.navigate(to, { replace: true }), [router, to]);
  return null;
}

function Forbidden() {
  return (
    <div className="gh-empty-state" role="alert">
      <h1>You do not have access to this page</h1>
      <p className="gh-muted">Ask an administrator for the permission it needs.</p>
    </div>
  );
}

function NotFound() {
  return (
    <div className="gh-empty-state">
      <h1>Page not found</h1>
      <p className="gh-muted">There is no console page at this address.</p>
    </div>
  );
}
