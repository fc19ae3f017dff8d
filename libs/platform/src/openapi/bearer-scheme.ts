/** The name of the access-token security scheme in every OpenAPI document. */
export const BEARER_SCHEME = 'bearer';
