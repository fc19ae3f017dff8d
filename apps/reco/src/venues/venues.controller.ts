import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser, DEFAULT_PAGE_SIZE, IdParams } from '@rendezvous/platform';
import type { Interaction } from '../interactions/interactions.service';
import { InteractionsService } from '../interactions/interactions.service';
import type { Venue } from './venue-row';
import {
  CreateVenueDto,
  InteractionDto,
  ListVenuesQueryDto,
  UpdateVenueDto,
  parseNear,
} from './venue.dto';
import type { ListedVenue } from './venues.service';
import { VenuesService } from './venues.service';

@ApiTags('venues')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('venues')
export class VenuesController {
  constructor(
    private readonly venues: VenuesService,
    private readonly interactions: InteractionsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a venue (admins only)' })
  @ApiResponse({ status: 201, description: 'the venue' })
  @ApiResponse({ status: 403, description: 'not an admin' })
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateVenueDto): Promise<Venue> {
    return this.venues.create(caller, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'Venues, nearest first with `near` (each with distanceKm), else by name',
  })
  list(@Query() query: ListVenuesQueryDto): Promise<Page<ListedVenue>> {
    return this.venues.list(
      query.near ? parseNear(query.near) : null,
      query.category ?? null,
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
    );
  }

  @Get(':id')
  @ApiResponse({ status: 404, description: 'no such venue' })
  get(@Param() params: IdParams): Promise<Venue> {
    return this.venues.get(params.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a venue (admins only); publishes venue.updated' })
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
  @ApiResponse({
    status: 201,
    description: '{ id, venueId, userId, type, dwellSeconds, createdAt }',
  })
  @ApiResponse({ status: 404, description: 'no such venue' })
  interact(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() dto: InteractionDto,
  ): Promise<Interaction> {
    return this.interactions.log(caller.id, params.id, dto.type, dto.dwellSeconds ?? 0);
  }
}
