import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  ListQueryDto,
  UserIdBody,
  UserIdParams,
} from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import type { BlockView } from './blocks.service';
import { BlocksService } from './blocks.service';

@ApiTags('blocks')
@ActiveUserApi()
@Controller('users/me/blocks')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Post()
  @ApiOperation({ summary: 'Block someone (also removes any connection between you)' })
  @ApiResponse({ status: 201, description: '{ userId, createdAt }' })
  @ApiResponse({ status: 400, description: 'yourself' })
  @ApiResponse({ status: 404, description: 'unknown or deleted user' })
  @ApiResponse({ status: 409, description: 'already blocked' })
  block(@CurrentUser() caller: AuthUser, @Body() body: UserIdBody): Promise<BlockView> {
    return this.blocks.block(caller.id, body.userId);
  }

  @Get()
  @ApiOperation({ summary: 'The people the caller blocked' })
  @ApiResponse({ status: 200, description: '{ items: [{ userId, createdAt }], nextCursor }' })
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<BlockView>> {
    return this.blocks.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unblock someone' })
  @ApiResponse({ status: 204, description: 'unblocked' })
  @ApiResponse({ status: 404, description: 'not blocked' })
  async unblock(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams): Promise<void> {
    await this.blocks.unblock(caller.id, params.userId);
  }
}
