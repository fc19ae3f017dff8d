/** Request bodies are limited to 1 MiB (API.md, Conventions). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
