import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform.config';
import { currentTrace } from '../trace/trace-context';

/** Set on the raw request by Fastify's id generator so pino-http logs the same trace id. */
export interface TracedIncomingMessage extends IncomingMessage {
  traceId?: string;
  /**
   * Another process logs this request too, under the same trace id (the gateway forwarding
   * to a service): its access line drops to `debug` unless the answer is a server error.
   */
  loggedUpstream?: boolean;
}

const QUIET_PATHS = ['/health/', '/metrics'];

function pretty(config: PlatformConfig): boolean {
  if (config.LOG_FORMAT === 'auto') return Boolean(process.stdout.isTTY);
  return config.LOG_FORMAT === 'pretty';
}

/** Structured JSON logs (pretty in a terminal) with the trace id on every line. */
export function loggerOptions(config: PlatformConfig, service: string): Params {
  return {
    exclude: [
      { method: RequestMethod.GET, path: 'health/{*path}' },
      { method: RequestMethod.GET, path: 'metrics' },
    ],
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      messageKey: 'msg',
      mixin: () => {
        const trace = currentTrace();
        if (!trace) return {};
        return trace.correlationId === trace.traceId
          ? { traceId: trace.traceId }
          : {
              traceId: trace.traceId,
              correlationId: trace.correlationId,
              causationId: trace.causationId,
            };
      },
      genReqId: (req: TracedIncomingMessage) => req.traceId ?? '',
      customProps: (req: TracedIncomingMessage) => ({ traceId: req.traceId }),
      customLogLevel: (req: TracedIncomingMessage, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        return req.loggedUpstream ? 'debug' : 'info';
      },
      // Probes and scrapes would drown the request log.
      autoLogging: {
        ignore: (req) => QUIET_PATHS.some((p) => (req.url ?? '').startsWith(p)),
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.refreshToken',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      transport: pretty(config)
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
        : undefined,
    },
  };
}
