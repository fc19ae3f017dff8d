import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumberIn, Optional, QueryNumber } from '@rendezvous/platform';
import { MAX_STATS_DAYS } from './admin-stats';

export class DailyStatsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_STATS_DAYS, default: 30 })
  @Optional()
  @QueryNumber()
  @IsNumberIn(1, MAX_STATS_DAYS, true)
  days = 30;
}
