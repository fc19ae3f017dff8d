import { ApiProperty } from '@nestjs/swagger';
import type { InterestCategory } from '@rendezvous/contracts';
import { INTEREST_CATEGORIES, PROXIMITY_LIMITS } from '@rendezvous/contracts';

const COUNT = { type: 'integer', minimum: 0 } as const;

export class CategoryCount {
  @ApiProperty({ enum: INTEREST_CATEGORIES })
  category!: InterestCategory;

  @ApiProperty({ type: 'integer', minimum: PROXIMITY_LIMITS.STATS_MIN_CATEGORY_COUNT })
  count!: number;
}

/** `GET /proximity/stats` (admin) → `200`; "today" is the UTC day (API.md, Proximity). */
export class ProximityStats {
  @ApiProperty(COUNT)
  totalSessionsToday!: number;

  @ApiProperty(COUNT)
  totalMatchesToday!: number;

  @ApiProperty({
    type: [CategoryCount],
    description: `sessions started today per category, most first; categories counted under ${PROXIMITY_LIMITS.STATS_MIN_CATEGORY_COUNT} times are left out`,
  })
  topInterestCategories!: CategoryCount[];

  @ApiProperty(COUNT)
  activeSessionsNow!: number;
}
