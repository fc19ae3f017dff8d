import type { Api } from '../api/client';
import { unwrap } from '../api/client';

/** The refresh call, made without the session's own token handling (it is how that is renewed). */
export const refresherFor = (api: Api) => (refreshToken: string) =>
  unwrap(api.POST('/api/v1/auth/refresh', { body: { refreshToken } }));
