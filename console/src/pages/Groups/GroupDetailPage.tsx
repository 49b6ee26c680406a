import { useCallback, useState } from 'react';
import { groupsApi } from '../../api/groups';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/Field';
import { Link } from '../../components/Link';
import { Card, PageHeader } from '../../components/PageHeader';
import { PermissionPicker } from '../../components/PermissionPicker';
import { Tabs } from '../../components/Tabs';
import { useResource } from '../../hooks/use-resource';
import { useCan } from '../../hooks/use-session';
import { useSubmit } from '../../hooks/use-submit';
import { useToast } from '../../hooks/use-toast';
import { GroupMembersPanel } from './GroupMembersPanel';

/** One group: its members and the permissions they get from it. */
export function GroupDetailPage({ id }: { id: number }) {
  const can = useCan();
  const toast = useToast();
  const group = useResource(() => groupsApi.show(id), [id]);
  const [tab, setTab] = useState('members');
  const [permissions, setPermissions] = useState<string[] | null>(null);
  const selected = permissions ?? group.data?.permissions ?? [];
  const save = useCallback(async () => {
    const saved = await groupsApi.update(id, { permissions: selected });
    group.set(saved);
    toast(`Permissions of ${saved.name} saved.`);
  }, [group, id, selected, toast]);
  const submit = useSubmit(save);
  if (group.error) return <div className="gh-alert gh-alert--error" role="alert">{group.error}</div>;
  if (!group.data) return <p role="status">Loading…</p>;
  const g = group.data;
  const editable = can('edit-groups');
  return (
    <>
      <nav aria-label="Breadcrumb" className="gh-breadcrumb">
        <Link to="/groups">Groups</Link> <span aria-hidden="true">/</span> <span>{g.name}</span>
      </nav>
      <PageHeader title={g.name} description={g.description || undefined} />
      <Tabs
        label="Group"
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'members', label: 'Members', render: () => <GroupMembersPanel group={g} editable={editable} /> },
          {
            id: 'permissions',
            label: 'Permissions',
            render: () => (
              <Card>
                <div className="gh-form">
                  <FormMessage message={submit.message} />
                  <PermissionPicker legend="Permissions" hint="Every member holds these." value={selected} onChange={setPermissions} errors={submit.errors.permissions} disabled={!editable} />
                  {editable && (
                    <div className="gh-form__actions">
                      <Button variant="primary" busy={submit.submitting} onClick={() => void submit.run()}>
                        Save
                      </Button>
                    </div>
                  )}
                </div>
              </Card>
            ),
          },
        ]}
      />
    </>
  );
}
