import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MatchView } from '../matches/match.shapes';

/** `POST /matching/swipes` → `201` (API.md, Matching). */
export class SwipeResult {
  @ApiProperty()
  matched!: boolean;

  @ApiPropertyOptional({ type: () => MatchView, description: 'the new match, when matched' })
  match?: MatchView;
}
