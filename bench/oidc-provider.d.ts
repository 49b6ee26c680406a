// oidc-provider ships no type declarations; bench/peers/oidc-provider.ts uses its constructor
// and `listen` only.
declare module 'oidc-provider';
