/** The `aud` of every access token; verifiers refuse any other (API.md, Identity). */
export const ACCESS_TOKEN_AUDIENCE = 'rendezvous-api';

/** The `iss` of access tokens unless the `JWT_ISSUER` setting names another. */
export const DEFAULT_ACCESS_TOKEN_ISSUER = 'rendezvous';
