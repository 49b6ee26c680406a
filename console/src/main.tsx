import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { configureApi } from './api/http';
import { loadRuntimeConfig, type RuntimeConfig } from './auth/runtime-config';
import { completeSignIn, startSignIn } from './auth/session';
import { tokenStore } from './auth/token-store';
import { StatusScreen } from './components/StatusScreen';
import { Toaster } from './components/Toaster';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/surfaces.css';
import './styles/overlays.css';
import './styles/table.css';

const root = createRoot(document.getElementById('root')!);
const show = (node: ReactNode) =>
  root.render(
    <StrictMode>
      <Toaster>{node}</Toaster>
    </StrictMode>,
  );

/**
 * Start-up: read the server's console config, move to the issuer's origin if needed (the
 * redirect URI is registered there), finish or start sign-in, then render the console.
 */
async function boot(): Promise<void> {
  const config = await loadRuntimeConfig();
  const origin = new URL(config.issuer).origin;
  if (window.location.origin !== origin) {
    window.location.replace(origin + window.location.pathname + window.location.search);
    return;
  }
  configureApi(config);
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname === '/admin/callback') {
    const params = new URLSearchParams(window.location.search);
    window.history.replaceState(null, '', '/admin/');
    try {
      const returnTo = await completeSignIn(config, params);
      window.history.replaceState(null, '', returnTo);
    } catch (error) {
      showSignInError(config, error);
      return;
    }
  } else if (!tokenStore.get()) {
    show(<StatusScreen title="Signing in…" />);
    await startSignIn(config, here);
    return;
  }
  show(<App config={config} />);
}

function showSignInError(config: RuntimeConfig, error: unknown) {
  const message = error instanceof Error ? error.message : 'Sign-in failed.';
  show(<StatusScreen title="Sign-in did not complete" message={message} action={{ label: 'Try again', onClick: () => void startSignIn(config, '/admin/') }} />);
}

boot().catch((error: unknown) => {
  show(<StatusScreen title="The console could not start" message={error instanceof Error ? error.message : String(error)} />);
});
