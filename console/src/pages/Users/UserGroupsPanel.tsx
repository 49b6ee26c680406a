import type { UserDetail } from '../../api/types';
import { Link } from '../../components/Link';
import { useCan } from '../../hooks/use-session';

/** The groups the user belongs to; membership is managed from each group's page. */
export function UserGroupsPanel({ user }: { user: UserDetail }) {
  const can = useCan();
  return (
    <div className="gh-card">
      {user.groups.length === 0 ? (
        <p className="gh-muted">{user.username} is in no group.</p>
      ) : (
        <ul className="gh-list">
          {user.groups.map((g) => (
            <li key={g.id}>{can('view-groups') ? <Link to={`/groups/${g.id}`}>{g.name}</Link> : g.name}</li>
          ))}
        </ul>
      )}
      <p className="gh-field__hint">Members are added and removed on each group's page.</p>
    </div>
  );
}
