import { ConfigError } from '@rendezvous/platform';
import { UserConfig } from '../config';
import { SigningKeys } from './signing-keys';

describe(SigningKeys.name, () => {
  it('refuses to boot in production without JWT_PRIVATE_KEY, naming the variable', async () => {
    const config = Object.assign(new UserConfig(), { NODE_ENV: 'production' as const });
    const error = await SigningKeys.load(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('JWT_PRIVATE_KEY');
  });

  it('names JWT_PRIVATE_KEY when it is not a usable key', async () => {
    const config = Object.assign(new UserConfig(), { JWT_PRIVATE_KEY: 'garbage' });
    const error = await SigningKeys.load(config).catch((e: unknown) => e);
    expect((error as ConfigError).message).toContain('JWT_PRIVATE_KEY');
  });
});
