import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser, DEFAULT_PAGE_SIZE } from '@rendezvous/platform';
import { DiscoverQueryDto } from './discover-query.dto';
import type { DiscoveryItem } from './discovery-ranking';
import { DiscoveryService } from './discovery.service';

@ApiTags('matching')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('matching/discover')
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  @Get()
  @ApiOperation({ summary: 'People who suit the caller, best first, with the why' })
  @ApiResponse({
    status: 200,
    description:
      '{ items: [{ userId, name, headline, score, factors, sharedInterests, distanceKm }], nextCursor }',
  })
  @ApiResponse({ status: 403, description: 'eventId: the caller neither attends nor organizes it' })
  @ApiResponse({ status: 404, description: 'eventId: unknown or cancelled event' })
  discover(
    @CurrentUser() caller: AuthUser,
    @Query() query: DiscoverQueryDto,
  ): Promise<Page<DiscoveryItem>> {
    return this.discovery.discover(
      caller.id,
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
      query.eventId,
    );
  }
}
