import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { SessionStore } from '../sessions/session-store';
import { topCategories, utcDay } from './stats-rules';
import { StatsRepository } from './stats.repository';
import { ProximityStats } from './stats.shapes';

@ApiTags('proximity')
@Controller('proximity/stats')
export class StatsController {
  constructor(
    private readonly stats: StatsRepository,
    private readonly sessions: SessionStore,
  ) {}

  @Get()
  @ApiOperation({ summary: "Today's aggregate proximity figures (admin only)" })
  @ApiOkResponse({ type: ProximityStats })
  @ApiResponse({ status: 403, description: 'not an admin' })
  async read(@CurrentUser() caller: AuthUser): Promise<ProximityStats> {
    if (caller.role !== 'admin') {
      throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Proximity stats are for admins only');
    }
    const [today, active] = await Promise.all([
      this.stats.day(utcDay(new Date())),
      this.sessions.activeCount(),
    ]);
    return {
      totalSessionsToday: today.sessions,
      totalMatchesToday: today.matches,
      topInterestCategories: topCategories(today.categories),
      activeSessionsNow: active,
    };
  }
}
