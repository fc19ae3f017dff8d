import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { ApiPageResponse, CurrentUser, DEFAULT_PAGE_SIZE } from '@rendezvous/platform';
import { DiscoverQueryDto } from './discover-query.dto';
import { DiscoveryItem } from './discovery.shapes';
import { DiscoveryService } from './discovery.service';

@ApiTags('matching')
@Controller('matching/discover')
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  @Get()
  @ApiOperation({ summary: 'People who suit the caller, best first, with the why' })
  @ApiPageResponse(DiscoveryItem, 'best first; never the caller')
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
