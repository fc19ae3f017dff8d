import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsUrl, Max, Min } from 'class-validator';

export const TRACING_EXPORTERS = ['none', 'zipkin'] as const;

/**
 * Tracing settings, part of every app's config. Tracing reads them on its own before the app
 * loads: it must hook modules before anything requires them.
 */
export class TracingConfig {
  /** `none` registers no SDK: spans are no-ops and trace ids still reach logs and events. */
  @IsIn(TRACING_EXPORTERS)
  TRACING_EXPORTER: (typeof TRACING_EXPORTERS)[number] = 'none';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  TRACING_ZIPKIN_URL = 'http://127.0.0.1:9411/api/v2/spans';

  /** Share of new traces recorded; a request that arrives with a `traceparent` follows its flag. */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  TRACING_SAMPLE_RATIO = 1;
}
