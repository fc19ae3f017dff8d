import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { CurrentUser, IdParams } from '@rendezvous/platform';
import { EventApi } from '../common/event-api.decorator';
import { CancelEventDto } from './dto/cancel-event.dto';
import { CreateEventDto } from './dto/create-event.dto';
import { ListEventsQuery } from './dto/list-events.query';
import { UpdateEventDto } from './dto/update-event.dto';
import type { EventView } from './event-record';
import { EventsService } from './events.service';

const EVENT_OBJECT =
  '{ id, title, description, category, tags, startsAt, endsAt, location { name, lat, lng }, ' +
  'capacity, organizerId, status, registeredCount, waitlistedCount }';

@ApiTags('events')
@EventApi()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an event; the caller is its organizer' })
  @ApiResponse({ status: 201, description: EVENT_OBJECT })
  @ApiResponse({ status: 400, description: 'one errors entry per bad field' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateEventDto): Promise<EventView> {
    return this.events.create(caller.id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'Scheduled events starting from `from` (default now), soonest first',
    description: 'With `near`, only events within `radiusKm` (default 50), each with distanceKm.',
  })
  @ApiResponse({ status: 200, description: `{ items: [${EVENT_OBJECT}], nextCursor }` })
  @ApiResponse({ status: 400, description: 'a bad filter, named in errors' })
  list(@Query() query: ListEventsQuery): Promise<Page<EventView>> {
    return this.events.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One event, cancelled ones included' })
  @ApiResponse({ status: 200, description: EVENT_OBJECT })
  @ApiResponse({ status: 404, description: 'no such event' })
  get(@Param() params: IdParams): Promise<EventView> {
    return this.events.get(params.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an event (organizer only); a higher capacity promotes' })
  @ApiResponse({ status: 200, description: EVENT_OBJECT })
  @ApiResponse({ status: 400, description: 'one errors entry per bad field' })
  @ApiResponse({ status: 403, description: 'not the organizer' })
  @ApiResponse({ status: 404, description: 'no such event' })
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
  @ApiBody({ type: CancelEventDto, required: false })
  @ApiResponse({ status: 204, description: 'cancelled (also when it already was)' })
  @ApiResponse({ status: 400, description: '`note` not 1 to 2000 characters' })
  @ApiResponse({ status: 403, description: 'neither the organizer nor a moderator or admin' })
  @ApiResponse({ status: 404, description: 'no such event' })
  async cancel(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: CancelEventDto,
  ): Promise<void> {
    await this.events.cancel(caller, params.id, body.note);
  }
}
