import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRouter } from '../hooks/use-router';
import { useSession } from '../hooks/use-session';
import { fullName } from '../lib/format';
import { ROUTES } from '../routes';
import { Button } from './Button';
import { Icon } from './Icon';
import { Link } from './Link';

/** The frame of every page: top bar, navigation (a drawer below 900 px), main content. */
export function Layout({ children }: { children: ReactNode }) {
  const { me, can, signOut } = useSession();
  const { path } = useRouter();
  const [navOpen, setNavOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const items = ROUTES.filter((r) => r.nav && (!r.permission || can(r.permission)));

  useEffect(() => {
    setNavOpen(false);
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className="gh-app">
      <a className="gh-skip-link" href="#main">
        Skip to content
      </a>
      <header className="gh-topbar">
        <button type="button" className="gh-button gh-button--ghost gh-icon-button gh-topbar__menu" aria-label="Menu" aria-expanded={navOpen} aria-controls="gh-nav" onClick={() => setNavOpen((o) => !o)}>
          <Icon name="menu" />
        </button>
        <Link to="/" className="gh-brand">
          <Icon name="shield" size={22} />
          <span>Gatehouse</span>
        </Link>
        <div className="gh-topbar__user">
          <span className="gh-topbar__name" title={me.email}>
            {fullName(me)}
          </span>
          <Button variant="ghost" icon="logout" onClick={signOut}>
            Sign out
          </Button>
        </div>
      </header>
      <div className="gh-body">
        <nav id="gh-nav" className={`gh-nav${navOpen ? ' gh-nav--open' : ''}`} aria-label="Main">
          <ul>
            {items.map((route) => {
              const current = path === route.pattern || path.startsWith(`${route.pattern}/`);
              return (
                <li key={route.pattern}>
                  <Link to={route.pattern} className="gh-nav__link" aria-current={current ? 'page' : undefined}>
                    <Icon name={route.nav!.icon} />
                    {route.nav!.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1} className="gh-main">
          {children}
        </main>
      </div>
    </div>
  );
}
