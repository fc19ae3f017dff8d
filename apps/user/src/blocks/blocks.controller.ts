import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  ApiPageResponse,
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  ListQueryDto,
  UserIdBody,
  UserIdParams,
} from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { ApiJsonBody } from '../common/api-json-body';
import { BlockView } from './block-view';
import { BlocksService } from './blocks.service';

@ApiTags('blocks')
@ActiveUserApi()
@Controller('users/me/blocks')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Post()
  @ApiOperation({
    summary: 'Block someone, not yourself (also removes any connection between you)',
  })
  @ApiJsonBody(UserIdBody, { userId: '4f9c2a1e-8b7d-4c3a-9e2f-1a2b3c4d5e6f' })
  @ApiCreatedResponse({ type: BlockView, description: 'the block' })
  @ApiResponse({ status: 404, description: 'unknown or deleted user' })
  @ApiResponse({ status: 409, description: 'already blocked (USERS.ALREADY_BLOCKED)' })
  block(@CurrentUser() caller: AuthUser, @Body() body: UserIdBody): Promise<BlockView> {
    return this.blocks.block(caller.id, body.userId);
  }

  @Get()
  @ApiOperation({ summary: 'The people the caller blocked' })
  @ApiPageResponse(BlockView, 'the caller’s blocks, oldest first')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<BlockView>> {
    return this.blocks.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unblock someone' })
  @ApiNoContentResponse({ description: 'unblocked' })
  @ApiResponse({ status: 404, description: 'not blocked' })
  async unblock(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams): Promise<void> {
    await this.blocks.unblock(caller.id, params.userId);
  }
}
