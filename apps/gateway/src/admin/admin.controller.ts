import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser } from '@rendezvous/platform';
import type { AdminStats } from './admin-stats';
import { AdminStatsStore } from './admin-stats';

@ApiTags('admin')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('admin')
export class AdminController {
  constructor(private readonly stats: AdminStatsStore) {}

  @Get('stats')
  @ApiOperation({ summary: 'Counters across the suite, kept by the gateway from events' })
  @ApiOkResponse({
    description:
      '{ usersTotal, swipesToday, matchesToday, mutualMatchRate, queueWaiting, activeProximitySessions, eventsScheduled, registrationsToday, bookingsConfirmedToday, bookingsFailedToday }',
  })
  @ApiResponse({ status: 403, description: 'not an admin' })
  read(@CurrentUser() caller: AuthUser): Promise<AdminStats> {
    if (caller.role !== 'admin') {
      throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Only admins can read the stats');
    }
    return this.stats.read();
  }
}
