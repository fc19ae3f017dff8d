import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformConfig } from '../config/platform.config';
import type { TracedIncomingMessage } from './logger-options';
import { loggerOptions } from './logger-options';

describe('access log levels', () => {
  const options = loggerOptions(
    { LOG_LEVEL: 'info', LOG_FORMAT: 'json' } as PlatformConfig,
    'gateway',
  );
  const pinoHttp = options.pinoHttp as {
    customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error) => string;
  };
  const level = (request: Partial<TracedIncomingMessage>, statusCode: number, error?: Error) =>
    pinoHttp.customLogLevel(request as IncomingMessage, { statusCode } as ServerResponse, error);

  it('logs what this process answered itself at info, server errors at error', () => {
    expect(level({}, 200)).toBe('info');
    expect(level({}, 429)).toBe('info');
    expect(level({}, 503)).toBe('error');
    expect(level({}, 200, new Error('aborted'))).toBe('error');
  });

  it('leaves a request the service behind logs too at debug, unless it failed on the server', () => {
    expect(level({ loggedUpstream: true }, 200)).toBe('debug');
    expect(level({ loggedUpstream: true }, 404)).toBe('debug');
    expect(level({ loggedUpstream: true }, 502)).toBe('error');
  });
});
