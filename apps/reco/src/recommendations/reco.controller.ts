import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser, DEFAULT_PAGE_SIZE } from '@rendezvous/platform';
import { MeetQueryDto, RecoPeopleQueryDto, RecoVenuesQueryDto } from './reco-query.dto';
import { RecoService } from './reco.service';
import {
  MeetRecommendations,
  PersonRecommendations,
  VenueRecommendations,
} from './recommendation.shapes';

@ApiTags('reco')
@Controller('reco')
export class RecoController {
  constructor(private readonly reco: RecoService) {}

  @Get('venues')
  @ApiOperation({
    summary: 'Venues for the caller, best first',
    description:
      "lat/lng override the caller's home; with neither, popular venues (distanceKm null, maxDistanceKm ignored)",
  })
  @ApiOkResponse({ type: VenueRecommendations })
  venues(
    @CurrentUser() caller: AuthUser,
    @Query() query: RecoVenuesQueryDto,
  ): Promise<VenueRecommendations> {
    const at =
      query.lat !== undefined && query.lng !== undefined
        ? { lat: query.lat, lng: query.lng }
        : null;
    return this.reco.venues(
      caller.id,
      at,
      query.maxDistanceKm ?? null,
      { category: query.category ?? null, maxPriceLevel: query.maxPriceLevel ?? null },
      query.limit ?? DEFAULT_PAGE_SIZE,
    );
  }

  @Get('people')
  @ApiOperation({
    summary: "The caller's connections to go with, best first (for a venue if given)",
  })
  @ApiOkResponse({ type: PersonRecommendations })
  @ApiResponse({ status: 404, description: 'unknown venueId' })
  people(
    @CurrentUser() caller: AuthUser,
    @Query() query: RecoPeopleQueryDto,
  ): Promise<PersonRecommendations> {
    return this.reco.people(caller.id, query.venueId ?? null, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get('venues/meet')
  @ApiOperation({
    summary: 'Venues fair to two people: the longer trip shortest first, then both scores added',
    description: '`with` yourself is a 400.',
  })
  @ApiOkResponse({ type: MeetRecommendations })
  @ApiResponse({
    status: 404,
    description:
      'RECO.USER_NOT_FOUND: `with` unknown, deleted, suspended, banned or across a block',
  })
  @ApiResponse({
    status: 409,
    description: 'RECO.LOCATION_MISSING: either person has no home location',
  })
  meet(
    @CurrentUser() caller: AuthUser,
    @Query() query: MeetQueryDto,
  ): Promise<MeetRecommendations> {
    return this.reco.meet(
      caller.id,
      query.with,
      { category: query.category ?? null, maxPriceLevel: query.maxPriceLevel ?? null },
      query.limit ?? DEFAULT_PAGE_SIZE,
    );
  }
}
