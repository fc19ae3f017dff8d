export { createApiClient } from './client';
export type { ApiClientOptions, RendezvousClient } from './client';
export type { components, operations, paths } from './schema';
