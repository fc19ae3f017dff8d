import { ApiProperty } from '@nestjs/swagger';

/** A window when both people are free. */
export class SuggestionWindow {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;
}

/** The answer to GET /plans/suggestions: one list, not paged. */
export class SuggestionList {
  @ApiProperty({ type: [SuggestionWindow], description: 'soonest first, `limit` at most' })
  items: SuggestionWindow[];
}
