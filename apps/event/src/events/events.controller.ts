import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { ApiPageResponse, CurrentUser, IdParams } from '@rendezvous/platform';
import { CANCEL_EVENT_EXAMPLE, CancelEventDto } from './dto/cancel-event.dto';
import { CREATE_EVENT_EXAMPLE, CreateEventDto } from './dto/create-event.dto';
import { ListEventsQuery } from './dto/list-events.query';
import { UPDATE_EVENT_EXAMPLE, UpdateEventDto } from './dto/update-event.dto';
import { EventView } from './event.view';
import { EventsService } from './events.service';

const NO_EVENT = { status: 404, description: 'no such event' };

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an event; the caller is its organizer' })
  @ApiBody({ type: CreateEventDto, examples: { event: { value: CREATE_EVENT_EXAMPLE } } })
  @ApiCreatedResponse({ type: EventView, description: 'the event, status scheduled' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateEventDto): Promise<EventView> {
    return this.events.create(caller.id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'Scheduled events starting from `from` (default now), soonest first',
    description:
      'With `near`, only events within `radiusKm` (default 50), each with distanceKm; ' +
      '`radiusKm` without `near` is 400.',
  })
  @ApiPageResponse(EventView, 'one page of scheduled events, soonest first')
  list(@Query() query: ListEventsQuery): Promise<Page<EventView>> {
    return this.events.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One event, cancelled ones included' })
  @ApiOkResponse({ type: EventView, description: 'the event' })
  @ApiResponse(NO_EVENT)
  get(@Param() params: IdParams): Promise<EventView> {
    return this.events.get(params.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an event (organizer only); a higher capacity promotes' })
  @ApiBody({ type: UpdateEventDto, examples: { change: { value: UPDATE_EVENT_EXAMPLE } } })
  @ApiOkResponse({ type: EventView, description: 'the event as changed' })
  @ApiResponse({ status: 403, description: 'not the organizer' })
  @ApiResponse(NO_EVENT)
  @ApiResponse({ status: 409, description: 'cancelled, or capacity below those registered' })
  update(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: UpdateEventDto,
  ): Promise<EventView> {
    return this.events.update(caller.id, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Cancel an event (its organizer, or any event by a moderator or admin)',
    description:
      'It stays readable with status cancelled; everyone registered or waiting is told. A ' +
      'moderator or admin cancelling an event they do not organize is audited, with the note.',
  })
  @ApiBody({
    type: CancelEventDto,
    required: false,
    examples: { moderated: { value: CANCEL_EVENT_EXAMPLE } },
  })
  @ApiResponse({ status: 204, description: 'cancelled (also when it already was)' })
  @ApiResponse({ status: 403, description: 'neither the organizer nor a moderator or admin' })
  @ApiResponse(NO_EVENT)
  async cancel(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: CancelEventDto,
  ): Promise<void> {
    await this.events.cancel(caller, params.id, body.note);
  }
}
