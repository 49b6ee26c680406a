import { spawnSync } from 'node:child_process';
import { describeExamples } from './example-suite.js';

/**
 * Debian's interpreter, with python3-requests and python3-requests-oauthlib (installed by
 * .ci/run). The `python3` first on PATH may be another one without them.
 */
const PYTHON = '/usr/bin/python3';

function pythonMissing(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import requests, requests_oauthlib'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  return `${PYTHON} with requests and requests-oauthlib is not available (apt-get install python3-requests python3-requests-oauthlib): ${probe.error?.message ?? probe.stderr.trim().split('\n').pop()}`;
}

const missing = pythonMissing();

describeExamples({
  folder: 'python',
  interpreter: PYTHON,
  scripts: { password: 'password_grant.py', clientCredentials: 'client_credentials.py', personalToken: 'personal_access_token.py', code: 'authorization_code_pkce.py' },
  refused: () => 'the token endpoint refused the request',
  unreachable: (url) => `cannot reach the Gatehouse server (${url}/oauth/token): is it running?`,
  // On a developer machine without the packages the suite is skipped with the reason; in CI
  // (.ci/run installs them) a missing interpreter fails the build instead.
  skip: missing !== undefined && process.env.CI !== 'true' ? missing : false,
  missing,
});
