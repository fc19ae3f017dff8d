import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PlatformLifecycle } from '../platform-lifecycle';
import { assessReadiness } from './readiness';
import { ReadinessMonitor } from './readiness-monitor';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { registerReadinessGauges } from './readiness-metrics';

const STATES = { type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] } };
const AGES = {
  type: 'object',
  description: 'milliseconds since each dependency was last checked',
  additionalProperties: { type: 'integer', minimum: 0 },
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly monitor: ReadinessMonitor,
    private readonly lifecycle: PlatformLifecycle,
    metrics: PlatformMetrics,
  ) {
    registerReadinessGauges(metrics, monitor, () => lifecycle.draining);
  }

  @Get('live')
  @ApiOkResponse({
    description: 'the process runs',
    schema: { type: 'object', required: ['status'], properties: { status: { enum: ['ok'] } } },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({
    description: 'ready; a dependency its requests do not need may show as `down`',
    schema: {
      type: 'object',
      required: ['status', 'checks'],
      properties: {
        status: { enum: ['ok'] },
        checks: STATES,
        checkAgeMs: AGES,
        services: STATES,
      },
    },
  })
  @ApiResponse({ status: 503, description: 'not ready: one `errors` entry per failing dependency' })
  async ready(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // From the last background verdicts: the answer never waits on a dependency.
    const report = assessReadiness(this.monitor.snapshot(), request.id, this.lifecycle.draining);
    if (report.status !== 200) void reply.header('content-type', PROBLEM_CONTENT_TYPE);
    await reply.status(report.status).send(report.body);
  }
}
