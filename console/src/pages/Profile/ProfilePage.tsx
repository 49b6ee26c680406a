import { Card, PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { useSession } from '../../hooks/use-session';
import { fullName } from '../../lib/format';
import { TokensPanel } from '../Tokens/TokensPanel';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

/** The signed-in user's own details, password and API tokens. */
export function ProfilePage() {
  const { me } = useSession();
  return (
    <>
      <PageHeader title="Profile" description={<>Signed in as <strong>{me.username}</strong> · {fullName(me)} · <StatusBadge status={me.status} /></>} />
      <div className="gh-stack">
        <Card title="Your details">
          <ProfileForm />
        </Card>
        <Card title="Password">
          <PasswordForm />
        </Card>
        <TokensPanel userId={me.id} />
        <Card title="Applications you allowed">
          <p className="gh-muted gh-card__intro">
            Apps you signed in to with Gatehouse, and what they may do, are listed on <a href="/oauth/account">your account page</a>, where you can
            take that access back.
          </p>
        </Card>
        <Card title="Your permissions">
          <p className="gh-muted gh-card__intro">What this console session may do, from your own permissions and your groups.</p>
          {me.permissions.length === 0 && <p>None: you manage your own profile and API tokens here.</p>}
          <ul className="gh-tags">
            {me.permissions.map((p) => (
              <li key={p} className="gh-badge gh-badge--muted">
                {p}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
