import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import type { FastifyReply } from 'fastify';
import {
  CONFIRM_EXAMPLE,
  CREATE_TICKET_EXAMPLE,
  ConfirmDto,
  CreateTicketDto,
  QueueMatchIdParams,
  TicketIdParams,
} from './queue.dto';
import type { ConfirmAnswer } from './queue.shapes';
import { ConfirmCancelled, ConfirmReady, ConfirmWaiting, TicketView } from './queue.shapes';
import { QueueService } from './queue.service';

@ApiTags('queue')
@Controller('matching/queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Post()
  @ApiOperation({ summary: 'Join the queue for a topic; paired at once if someone fits' })
  @ApiBody({ type: CreateTicketDto, examples: { ticket: { value: CREATE_TICKET_EXAMPLE } } })
  @ApiCreatedResponse({ type: TicketView, description: 'a new ticket' })
  @ApiOkResponse({
    type: TicketView,
    description: 'your waiting or matched ticket with the same topic and difficulty',
  })
  @ApiResponse({
    status: 409,
    description: 'you have a waiting or matched ticket with other parameters',
  })
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
  @ApiOkResponse({ type: TicketView })
  @ApiResponse({ status: 404, description: "no such ticket, or someone else's" })
  get(@CurrentUser() caller: AuthUser, @Param() params: TicketIdParams): Promise<TicketView> {
    return this.queue.get(caller.id, params.ticketId);
  }

  @Delete(':ticketId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the queue (declines a pending pair)' })
  @ApiNoContentResponse({ description: 'cancelled' })
  @ApiResponse({ status: 404, description: "no such ticket, or someone else's" })
  async cancel(@CurrentUser() caller: AuthUser, @Param() params: TicketIdParams): Promise<void> {
    await this.queue.cancel(caller.id, params.ticketId);
  }

  @Post('matches/:matchId/confirm')
  @ApiOperation({
    summary: 'Accept or decline the partner found',
    description: 'A repeat confirm gets the same answer again; nothing is sent twice.',
  })
  @ApiBody({ type: ConfirmDto, examples: { accept: { value: CONFIRM_EXAMPLE } } })
  @ApiExtraModels(ConfirmReady, ConfirmCancelled)
  @ApiOkResponse({
    description: 'both accepted: `ready` with the session; declined: `cancelled`',
    schema: {
      oneOf: [{ $ref: getSchemaPath(ConfirmReady) }, { $ref: getSchemaPath(ConfirmCancelled) }],
    },
  })
  @ApiAcceptedResponse({ type: ConfirmWaiting, description: 'waiting for the other person' })
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
