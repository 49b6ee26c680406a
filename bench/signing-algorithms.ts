// Measures JWT signing and verification cost per algorithm: `crypto.sign` of the JWS signing
// input (what Gatehouse's token endpoint does) and jose's SignJWT / jwtVerify for comparison.
// Run: npx tsx bench/signing-algorithms.ts
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

const claims = { iss: 'http://localhost:8080', sub: '1', aud: 'http://localhost:8080/api/1.0', client_id: '3', scope: '*', jti: 'x'.repeat(22) };
const pairs = {
  ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  EdDSA: generateKeyPairSync('ed25519'),
  RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }),
};

function signNative(alg: string, key: KeyObject, input: string): Buffer {
  if (alg === 'EdDSA') return sign(null, Buffer.from(input), key);
  return sign('sha256', Buffer.from(input), alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key);
}

async function perOp(work: () => unknown, iterations: number): Promise<number> {
  for (let i = 0; i < 200; i++) await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await work();
  return Number(process.hrtime.bigint() - start) / iterations / 1000;
}

console.log('alg    crypto.sign µs  jose sign µs  jose verify µs');
for (const [alg, { publicKey, privateKey }] of Object.entries(pairs)) {
  const input = Buffer.from(JSON.stringify({ alg, typ: 'at+jwt', kid: 'k' })).toString('base64url') + '.' + Buffer.from(JSON.stringify(claims)).toString('base64url');
  const joseSign = () => new SignJWT(claims).setProtectedHeader({ alg, typ: 'at+jwt', kid: 'k' }).setIssuedAt().setExpirationTime('1h').sign(privateKey);
  const token = await joseSign();
  const native = await perOp(() => signNative(alg, privateKey, input), 2000);
  const jose = await perOp(joseSign, 2000);
  const verify = await perOp(() => jwtVerify(token, publicKey), 2000);
  console.log(`${alg.padEnd(6)} ${native.toFixed(0).padStart(14)}  ${jose.toFixed(0).padStart(12)}  ${verify.toFixed(0).padStart(14)}`);
}
