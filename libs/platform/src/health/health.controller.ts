import { Controller, Get, Inject, Optional, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@rendezvous/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PlatformLifecycle } from '../platform-lifecycle';
import type { HealthCheck, ReadinessDetail } from './health-check';
import { HEALTH_CHECKS, READINESS_DETAILS } from './health-check';
import { assessReadiness } from './readiness';

const STATES = { type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] } };

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    private readonly lifecycle: PlatformLifecycle,
    @Optional() @Inject(READINESS_DETAILS) private readonly details: ReadinessDetail[] = [],
  ) {}

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
      properties: { status: { enum: ['ok'] }, checks: STATES, services: STATES },
    },
  })
  @ApiResponse({ status: 503, description: 'not ready: one `errors` entry per failing dependency' })
  async ready(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const report = await assessReadiness(
      this.checks,
      this.details,
      request.id,
      this.lifecycle.draining,
    );
    if (report.status !== 200) void reply.header('content-type', PROBLEM_CONTENT_TYPE);
    await reply.status(report.status).send(report.body);
  }
}
