import { useState } from 'react';
import { authClientsApi } from '../../api/auth-clients';
import { errorMessage } from '../../api/http';
import type { AuthClient } from '../../api/types';
import { IconButton } from '../../components/Button';
import { useToast } from '../../hooks/use-toast';
import { copyText } from '../../lib/clipboard';

/** The seed's "Copy Client Secret to Clipboard" icon: fetches the secret (audited) and copies it. */
export function CopySecretButton({ client }: { client: AuthClient }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await copyText(() => authClientsApi.secret(client.id).then((r) => r.secret));
      toast(`Client secret of ${client.name} copied to the clipboard.`);
    } catch (error) {
      toast(error instanceof DOMException ? 'The browser refused to use the clipboard.' : errorMessage(error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return <IconButton icon="copy" label="Copy Client Secret to Clipboard" onClick={copy} busy={busy} />;
}
