import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  ApiPageResponse,
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  IdParams,
  ListQueryDto,
} from '@rendezvous/platform';
import { MatchView } from './match.shapes';
import { MatchesService } from './matches.service';

@ApiTags('matching')
@Controller('matching/matches')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get()
  @ApiOperation({ summary: "The caller's active matches, newest first" })
  @ApiPageResponse(MatchView, 'active matches, newest first')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<MatchView>> {
    return this.matches.listActive(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unmatch: the match ends for both people' })
  @ApiNoContentResponse({ description: 'unmatched (also when it already was)' })
  @ApiResponse({ status: 404, description: 'no such match, or not a party to it' })
  async unmatch(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<void> {
    await this.matches.unmatch(caller.id, params.id);
  }
}
