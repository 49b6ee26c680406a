import { describeExamples } from './example-suite.js';

describeExamples({
  folder: 'node',
  interpreter: process.execPath,
  scripts: { password: 'password-grant.mjs', clientCredentials: 'client-credentials.mjs', personalToken: 'personal-access-token.mjs', code: 'authorization-code-pkce.mjs' },
  refused: (status) => `/oauth/token answered ${status}`,
  unreachable: (url) => `cannot reach the Gatehouse server at ${url} (ECONNREFUSED): is it running?`,
});
