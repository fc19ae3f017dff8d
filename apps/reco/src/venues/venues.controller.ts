import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { ApiPageResponse, CurrentUser, DEFAULT_PAGE_SIZE, IdParams } from '@rendezvous/platform';
import { Interaction } from '../interactions/interaction.shapes';
import { InteractionsService } from '../interactions/interactions.service';
import {
  CREATE_VENUE_EXAMPLE,
  CreateVenueDto,
  INTERACTION_EXAMPLE,
  InteractionDto,
  ListVenuesQueryDto,
  UPDATE_VENUE_EXAMPLE,
  UpdateVenueDto,
  parseNear,
} from './venue.dto';
import { ListedVenue, Venue } from './venue.shapes';
import { VenuesService } from './venues.service';

@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(
    private readonly venues: VenuesService,
    private readonly interactions: InteractionsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a venue (admins only); publishes venue.created' })
  @ApiBody({ type: CreateVenueDto, examples: { venue: { value: CREATE_VENUE_EXAMPLE } } })
  @ApiCreatedResponse({ type: Venue, description: 'the venue' })
  @ApiResponse({ status: 403, description: 'not an admin' })
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateVenueDto): Promise<Venue> {
    return this.venues.create(caller, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'Venues, nearest first with `near` (each with distanceKm), else by name',
  })
  @ApiPageResponse(ListedVenue, 'nearest first with `near`, else by name')
  list(@Query() query: ListVenuesQueryDto): Promise<Page<ListedVenue>> {
    return this.venues.list(
      query.near ? parseNear(query.near) : null,
      query.category ?? null,
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One venue' })
  @ApiOkResponse({ type: Venue })
  @ApiResponse({ status: 404, description: 'no such venue' })
  get(@Param() params: IdParams): Promise<Venue> {
    return this.venues.get(params.id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a venue (admins only); publishes venue.updated',
    description: 'Only `description` and `rating` may be null (to clear them).',
  })
  @ApiBody({ type: UpdateVenueDto, examples: { change: { value: UPDATE_VENUE_EXAMPLE } } })
  @ApiOkResponse({ type: Venue, description: 'the venue as changed' })
  @ApiResponse({ status: 403, description: 'not an admin' })
  @ApiResponse({ status: 404, description: 'no such venue' })
  update(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() dto: UpdateVenueDto,
  ): Promise<Venue> {
    return this.venues.update(caller, params.id, dto);
  }

  @Post(':id/interactions')
  @HttpCode(201)
  @ApiOperation({ summary: "Log the caller's view, interest or like of a venue" })
  @ApiBody({ type: InteractionDto, examples: { like: { value: INTERACTION_EXAMPLE } } })
  @ApiCreatedResponse({ type: Interaction, description: 'the interaction logged' })
  @ApiResponse({ status: 404, description: 'no such venue' })
  interact(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() dto: InteractionDto,
  ): Promise<Interaction> {
    return this.interactions.log(caller.id, params.id, dto.type, dto.dwellSeconds ?? 0);
  }
}
