import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { AdminStats, DailyStatsList } from './admin-stats.shapes';
import { AdminStatsStore } from './admin-stats';
import { AdminStatsRecovery } from './admin-stats-recovery';
import { DailyStatsQuery } from './daily-stats.query';

/** The stats are for the people who run the suite: moderators and admins (API.md, Admin). */
function assertStaff(caller: AuthUser): void {
  if (caller.role !== 'admin' && caller.role !== 'moderator') {
    throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Only moderators and admins can read the stats');
  }
}

@ApiTags('admin')
@Controller('admin/stats')
export class AdminController {
  constructor(
    private readonly stats: AdminStatsStore,
    private readonly recovery: AdminStatsRecovery,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Counters across the suite, kept by the gateway from events' })
  @ApiOkResponse({ type: AdminStats })
  @ApiResponse({ status: 403, description: 'neither a moderator nor an admin' })
  read(@CurrentUser() caller: AuthUser): Promise<AdminStats> {
    assertStaff(caller);
    this.recovery.assertIntact();
    return this.stats.read();
  }

  @Get('daily')
  @ApiOperation({ summary: 'Per-UTC-day counters for the last `days` days, oldest first' })
  @ApiOkResponse({
    type: DailyStatsList,
    description: 'one item per day, days with zeros included',
  })
  @ApiResponse({ status: 403, description: 'neither a moderator nor an admin' })
  async daily(
    @CurrentUser() caller: AuthUser,
    @Query() query: DailyStatsQuery,
  ): Promise<DailyStatsList> {
    assertStaff(caller);
    this.recovery.assertIntact();
    return { items: await this.stats.readDaily(query.days) };
  }
}
