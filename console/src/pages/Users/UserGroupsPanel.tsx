import type { User } from '../../api/types';
import { usersApi } from '../../api/users';
import { Link } from '../../components/Link';
import { useResource } from '../../hooks/use-resource';

/** The groups the user belongs to; membership is managed from each group's page. */
export function UserGroupsPanel({ user }: { user: User }) {
  const groups = useResource(() => usersApi.groups(user.id), [user.id]);
  if (groups.error) return <div className="gh-alert gh-alert--error" role="alert">{groups.error}</div>;
  if (!groups.data) return <p role="status">Loading…</p>;
  return (
    <div className="gh-card">
      {groups.data.data.length === 0 ? (
        <p className="gh-muted">{user.username} is in no group.</p>
      ) : (
        <ul className="gh-list">
          {groups.data.data.map((g) => (
            <li key={g.id}>
              <Link to={`/groups/${g.id}`}>{g.name}</Link>
              {g.description && <span className="gh-muted"> — {g.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
