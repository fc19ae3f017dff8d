import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser, DEFAULT_PAGE_SIZE } from '@rendezvous/platform';
import { MeetQueryDto, RecoPeopleQueryDto, RecoVenuesQueryDto } from './reco-query.dto';
import type { MeetRecommendation, PersonRecommendation, VenueRecommendation } from './reco.service';
import { RecoService } from './reco.service';

@ApiTags('reco')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('reco')
export class RecoController {
  constructor(private readonly reco: RecoService) {}

  @Get('venues')
  @ApiOperation({
    summary: 'Venues for the caller, best first',
    description:
      "lat/lng override the caller's home; with neither, popular venues (distanceKm null, maxDistanceKm ignored)",
  })
  @ApiResponse({
    status: 200,
    description: '{ items: [{ venueId, name, score, distanceKm, factors }] }',
  })
  venues(
    @CurrentUser() caller: AuthUser,
    @Query() query: RecoVenuesQueryDto,
  ): Promise<{ items: VenueRecommendation[] }> {
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
  @ApiResponse({ status: 200, description: '{ items: [{ userId, score, factors }] }' })
  @ApiResponse({ status: 404, description: 'unknown venueId' })
  people(
    @CurrentUser() caller: AuthUser,
    @Query() query: RecoPeopleQueryDto,
  ): Promise<{ items: PersonRecommendation[] }> {
    return this.reco.people(caller.id, query.venueId ?? null, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get('venues/meet')
  @ApiOperation({
    summary: 'Venues fair to two people: the longer trip shortest first, then both scores added',
  })
  @ApiResponse({
    status: 200,
    description:
      '{ items: [{ venueId, name, score, distanceKm (the longer trip), you: { distanceKm, score }, them: { distanceKm, score } }] }',
  })
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
  ): Promise<{ items: MeetRecommendation[] }> {
    return this.reco.meet(
      caller.id,
      query.with,
      { category: query.category ?? null, maxPriceLevel: query.maxPriceLevel ?? null },
      query.limit ?? DEFAULT_PAGE_SIZE,
    );
  }
}
