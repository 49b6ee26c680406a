import { useEffect, type ReactNode } from 'react';

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Gatehouse`;
  }, [title]);
  return (
    <header className="gh-page-header">
      <div>
        <h1>{title}</h1>
        {description && <p className="gh-muted">{description}</p>}
      </div>
      {actions && <div className="gh-page-header__actions">{actions}</div>}
    </header>
  );
}

/** A white card: the one surface every page builds on. */
export function Card({ children, title, actions }: { children: ReactNode; title?: string; actions?: ReactNode }) {
  return (
    <section className="gh-card">
      {(title || actions) && (
        <div className="gh-card__header">
          {title && <h2>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
