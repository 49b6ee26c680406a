// Measures JWT sign and verify cost per algorithm through jose, as the token endpoint and
// the bearer check use it. Run: npx tsx bench/signing-algorithms.ts
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

const claims = { iss: 'http://localhost:8080', sub: '1', aud: 'http://localhost:8080/api/1.0', client_id: '3', scope: '*', jti: 'x'.repeat(22) };
const pairs = {
  ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  EdDSA: generateKeyPairSync('ed25519'),
  RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }),
};

async function perOp(work: () => Promise<unknown>, iterations: number): Promise<number> {
  for (let i = 0; i < 200; i++) await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await work();
  return Number(process.hrtime.bigint() - start) / iterations / 1000;
}

console.log('alg    sign µs  verify µs  sign+verify µs');
for (const [alg, { publicKey, privateKey }] of Object.entries(pairs)) {
  const sign = () => new SignJWT(claims).setProtectedHeader({ alg, typ: 'at+jwt', kid: 'k' }).setIssuedAt().setExpirationTime('1h').sign(privateKey);
  const token = await sign();
  const signUs = await perOp(sign, 2000);
  const verifyUs = await perOp(() => jwtVerify(token, publicKey), 2000);
  console.log(`${alg.padEnd(6)} ${signUs.toFixed(0).padStart(7)}  ${verifyUs.toFixed(0).padStart(9)}  ${(signUs + verifyUs).toFixed(0).padStart(14)}`);
}
