import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { CurrentUser, DEFAULT_PAGE_SIZE, IdParams } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { RequireRole } from '../common/roles';
import type { AdminUserItem } from './admin-users.repository';
import type { AdminUserDetail } from './admin-users.service';
import { AdminUsersService } from './admin-users.service';
import { AdminUsersQueryDto, NoteDto, RoleDto, SuspendDto } from './dto/admin-users.dto';

const ITEM =
  'the admin user item { id, email, name, role, status, suspendedUntil, createdAt, lastActiveAt, openReports }';

@ApiTags('admin')
@ActiveUserApi()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly adminUsers: AdminUsersService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({ summary: 'Search people, newest first (moderators and admins)' })
  @ApiResponse({ status: 200, description: `{ items: [${ITEM}], nextCursor }` })
  @ApiResponse({ status: 400, description: 'a bad filter or cursor' })
  list(@Query() query: AdminUsersQueryDto): Promise<Page<AdminUserItem>> {
    const { limit, cursor, ...filters } = query;
    return this.adminUsers.list(filters, limit ?? DEFAULT_PAGE_SIZE, cursor);
  }

  @Get(':id')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'A person with their standing, report counts and audit history' })
  @ApiResponse({
    status: 200,
    description:
      'the user object plus status, suspendedUntil, reportsAgainst, reportsFiled and history (audit entries about them, newest first, the latest 100)',
  })
  @ApiResponse({ status: 404, description: 'unknown or deleted' })
  detail(@Param() params: IdParams): Promise<AdminUserDetail> {
    return this.adminUsers.detail(params.id);
  }

  @Post(':id/suspend')
  @RequireRole('moderator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend for durationHours, or until reinstated; replaces a suspension',
  })
  @ApiResponse({ status: 200, description: ITEM })
  @ApiResponse({ status: 404, description: 'unknown or deleted' })
  @ApiResponse({ status: 409, description: 'banned (MODERATION.ACCOUNT_STATE_CONFLICT)' })
  suspend(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: SuspendDto,
  ): Promise<AdminUserItem> {
    return this.adminUsers.act(caller, params.id, 'suspend', body);
  }

  @Post(':id/ban')
  @RequireRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ban (admins only)' })
  @ApiResponse({ status: 200, description: ITEM })
  @ApiResponse({ status: 404, description: 'unknown or deleted' })
  @ApiResponse({ status: 409, description: 'already banned (MODERATION.ACCOUNT_STATE_CONFLICT)' })
  ban(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: NoteDto,
  ): Promise<AdminUserItem> {
    return this.adminUsers.act(caller, params.id, 'ban', body);
  }

  @Post(':id/reinstate')
  @RequireRole('moderator')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a suspension or (admins only) a ban' })
  @ApiResponse({ status: 200, description: ITEM })
  @ApiResponse({ status: 404, description: 'unknown or deleted' })
  @ApiResponse({ status: 409, description: 'already active (MODERATION.ACCOUNT_STATE_CONFLICT)' })
  reinstate(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: NoteDto,
  ): Promise<AdminUserItem> {
    return this.adminUsers.act(caller, params.id, 'reinstate', body);
  }

  @Put(':id/role')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Grant or remove a role (admins only); tokens with the old role get 401',
  })
  @ApiResponse({ status: 200, description: ITEM })
  @ApiResponse({ status: 404, description: 'unknown or deleted' })
  @ApiResponse({
    status: 409,
    description:
      'the same role, one’s own role, or an ADMIN_EMAILS account (MODERATION.ROLE_CONFLICT)',
  })
  role(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: RoleDto,
  ): Promise<AdminUserItem> {
    return this.adminUsers.changeRole(caller, params.id, body.role, body.note);
  }
}
