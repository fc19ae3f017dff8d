import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
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
import { ConnectionView } from './connection-view';
import { ConnectionsService } from './connections.service';

const EXAMPLE_USER = { userId: '4f9c2a1e-8b7d-4c3a-9e2f-1a2b3c4d5e6f' };

@ApiTags('connections')
@ActiveUserApi()
@Controller('users/me/connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Post()
  @ApiOperation({ summary: 'Ask someone to connect (not yourself)' })
  @ApiJsonBody(UserIdBody, EXAMPLE_USER)
  @ApiCreatedResponse({ type: ConnectionView, description: 'status pending, type request' })
  @ApiResponse({ status: 404, description: 'unknown, deleted, suspended or blocked user' })
  @ApiResponse({
    status: 409,
    description: 'already connected or pending (USERS.CONNECTION_EXISTS)',
  })
  request(@CurrentUser() caller: AuthUser, @Body() body: UserIdBody): Promise<ConnectionView> {
    return this.connections.request(caller.id, body.userId);
  }

  @Post(':userId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a pending request from userId' })
  @ApiOkResponse({ type: ConnectionView, description: 'status accepted' })
  @ApiResponse({ status: 404, description: 'no pending request from that user to the caller' })
  accept(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams): Promise<ConnectionView> {
    return this.connections.accept(caller.id, params.userId);
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s connections and pending requests' })
  @ApiPageResponse(ConnectionView, 'the caller’s connections, oldest first')
  list(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListQueryDto,
  ): Promise<Page<ConnectionView>> {
    return this.connections.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a connection or a pending request (either side)' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiResponse({ status: 404, description: 'no connection with that user' })
  async remove(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams): Promise<void> {
    await this.connections.remove(caller.id, params.userId);
  }
}
