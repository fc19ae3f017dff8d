import { ApiProperty } from '@nestjs/swagger';
import type { MatchStatus } from '@rendezvous/contracts';
import { MATCH_STATUSES } from '@rendezvous/contracts';

/** A match as one of its two people sees it (API.md, Matching). */
export class MatchView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'the other person' })
  userId!: string;

  @ApiProperty({ minimum: 0, maximum: 1 })
  score!: number;

  @ApiProperty({ enum: MATCH_STATUSES })
  status!: MatchStatus;

  @ApiProperty({ type: [String] })
  sharedInterests!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
