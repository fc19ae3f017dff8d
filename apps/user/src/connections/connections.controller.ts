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
import type { ConnectionView } from './connections.service';
import { ConnectionsService } from './connections.service';

@ApiTags('connections')
@ActiveUserApi()
@Controller('users/me/connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Post()
  @ApiOperation({ summary: 'Ask someone to connect' })
  @ApiResponse({ status: 201, description: '{ userId, status: "pending", type: "request" }' })
  @ApiResponse({ status: 400, description: 'to yourself' })
  @ApiResponse({ status: 404, description: 'unknown, deleted or blocked user' })
  @ApiResponse({ status: 409, description: 'already connected or pending' })
  request(@CurrentUser() caller: AuthUser, @Body() body: UserIdBody): Promise<ConnectionView> {
    return this.connections.request(caller.id, body.userId);
  }

  @Post(':userId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a pending request from userId' })
  @ApiResponse({ status: 200, description: '{ userId, status: "accepted", type }' })
  @ApiResponse({ status: 404, description: 'no pending request from that user to the caller' })
  accept(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams): Promise<ConnectionView> {
    return this.connections.accept(caller.id, params.userId);
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s connections and pending requests' })
  @ApiResponse({
    status: 200,
    description: '{ items: [{ userId, status, type, strength, direction? }], nextCursor }',
  })
  list(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListQueryDto,
  ): Promise<Page<ConnectionView>> {
    return this.connections.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a connection or a pending request (either side)' })
  @ApiResponse({ status: 204, description: 'removed' })
  @ApiResponse({ status: 404, description: 'no connection with that user' })
  async remove(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams): Promise<void> {
    await this.connections.remove(caller.id, params.userId);
  }
}
