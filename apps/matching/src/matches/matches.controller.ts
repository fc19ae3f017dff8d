import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  BEARER_SCHEME,
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  IdParams,
  ListQueryDto,
} from '@rendezvous/platform';
import type { MatchView } from './match-row';
import { MatchesService } from './matches.service';

@ApiTags('matching')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('matching/matches')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get()
  @ApiOperation({ summary: "The caller's active matches, newest first" })
  @ApiResponse({
    status: 200,
    description:
      '{ items: [{ id, userId, score, status, sharedInterests, createdAt }], nextCursor }',
  })
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<MatchView>> {
    return this.matches.listActive(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unmatch: the match ends for both people' })
  @ApiResponse({ status: 204, description: 'unmatched (also when it already was)' })
  @ApiResponse({ status: 404, description: 'no such match, or not a party to it' })
  async unmatch(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<void> {
    await this.matches.unmatch(caller.id, params.id);
  }
}
