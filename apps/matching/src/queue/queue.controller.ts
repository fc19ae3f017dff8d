import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser } from '@rendezvous/platform';
import type { FastifyReply } from 'fastify';
import { ConfirmDto, CreateTicketDto, QueueMatchIdParams, TicketIdParams } from './queue.dto';
import type { ConfirmAnswer, TicketView } from './queue.service';
import { QueueService } from './queue.service';

@ApiTags('queue')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('matching/queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Post()
  @ApiOperation({ summary: 'Join the queue for a topic; paired at once if someone fits' })
  @ApiResponse({
    status: 201,
    description: '{ ticketId, topic, difficulty, status, matchId?, expiresAt }',
  })
  @ApiResponse({ status: 200, description: 'your live ticket with the same topic and difficulty' })
  @ApiResponse({ status: 409, description: 'you have a live ticket with other parameters' })
  async enqueue(
    @CurrentUser() caller: AuthUser,
    @Body() body: CreateTicketDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketView> {
    const { created, ticket } = await this.queue.enqueue(caller.id, body.topic, body.difficulty);
    void reply.status(created ? 201 : 200);
    return ticket;
  }

  @Get(':ticketId')
  @ApiOperation({ summary: "One of the caller's tickets" })
  @ApiResponse({ status: 200, description: 'the ticket' })
  @ApiResponse({ status: 404, description: "no such ticket, or someone else's" })
  get(@CurrentUser() caller: AuthUser, @Param() params: TicketIdParams): Promise<TicketView> {
    return this.queue.get(caller.id, params.ticketId);
  }

  @Delete(':ticketId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the queue (declines a pending pair)' })
  @ApiResponse({ status: 204, description: 'cancelled' })
  @ApiResponse({ status: 404, description: "no such ticket, or someone else's" })
  async cancel(@CurrentUser() caller: AuthUser, @Param() params: TicketIdParams): Promise<void> {
    await this.queue.cancel(caller.id, params.ticketId);
  }

  @Post('matches/:matchId/confirm')
  @ApiOperation({ summary: 'Accept or decline the partner found' })
  @ApiResponse({
    status: 200,
    description: '{ status: "ready", sessionId } or { status: "cancelled" }',
  })
  @ApiResponse({ status: 202, description: '{ status: "waiting" } for the other person' })
  @ApiResponse({ status: 404, description: 'not in this pair' })
  async confirm(
    @CurrentUser() caller: AuthUser,
    @Param() params: QueueMatchIdParams,
    @Body() body: ConfirmDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConfirmAnswer> {
    const answer = await this.queue.confirm(caller.id, params.matchId, body.accept);
    void reply.status(answer.status === 'waiting' ? 202 : 200);
    return answer;
  }
}
