import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { ApiPageResponse, CurrentUser, DEFAULT_PAGE_SIZE, IdParams } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { ApiJsonBody } from '../common/api-json-body';
import { RequireRole } from '../common/roles';
import { AdminUserDetail, AdminUserItem } from './admin-user-views';
import { AdminUsersService } from './admin-users.service';
import { AdminUsersQueryDto, NoteDto, RoleDto, SuspendDto } from './dto/admin-users.dto';

const NOT_FOUND = 'unknown or deleted';
const ON_ADMINS = 'acting on an admin, or a moderator acting on a moderator';
const EXAMPLE_NOTE = 'Repeated harassment reports, confirmed from the quoted messages.';

@ApiTags('admin')
@ActiveUserApi()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly adminUsers: AdminUsersService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({ summary: 'Search people, newest first (moderators and admins)' })
  @ApiPageResponse(AdminUserItem, 'people matching the filters, newest first')
  list(@Query() query: AdminUsersQueryDto): Promise<Page<AdminUserItem>> {
    const { limit, cursor, ...filters } = query;
    return this.adminUsers.list(filters, limit ?? DEFAULT_PAGE_SIZE, cursor);
  }

  @Get(':id')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'A person with their standing, report counts and audit history' })
  @ApiOkResponse({ type: AdminUserDetail, description: 'the admin user detail' })
  @ApiResponse({ status: 404, description: NOT_FOUND })
  detail(@Param() params: IdParams): Promise<AdminUserDetail> {
    return this.adminUsers.detail(params.id);
  }

  @Post(':id/suspend')
  @RequireRole('moderator', ON_ADMINS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend for durationHours, or until reinstated; replaces a suspension',
  })
  @ApiJsonBody(SuspendDto, { durationHours: 72, note: EXAMPLE_NOTE })
  @ApiOkResponse({ type: AdminUserItem, description: 'the admin user item, status suspended' })
  @ApiResponse({ status: 404, description: NOT_FOUND })
  @ApiResponse({ status: 409, description: 'banned (MODERATION.ACCOUNT_STATE_CONFLICT)' })
  suspend(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: SuspendDto,
  ): Promise<AdminUserItem> {
    return this.adminUsers.act(caller, params.id, 'suspend', body);
  }

  @Post(':id/ban')
  @RequireRole('admin', 'acting on an admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ban (admins only)' })
  @ApiJsonBody(NoteDto, { note: EXAMPLE_NOTE })
  @ApiOkResponse({ type: AdminUserItem, description: 'the admin user item, status banned' })
  @ApiResponse({ status: 404, description: NOT_FOUND })
  @ApiResponse({ status: 409, description: 'already banned (MODERATION.ACCOUNT_STATE_CONFLICT)' })
  ban(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: NoteDto,
  ): Promise<AdminUserItem> {
    return this.adminUsers.act(caller, params.id, 'ban', body);
  }

  @Post(':id/reinstate')
  @RequireRole(
    'moderator',
    'lifting a ban as a moderator, or a moderator acting on a moderator or an admin',
  )
  @HttpCode(200)
  @ApiOperation({ summary: 'End a suspension or (admins only) a ban' })
  @ApiJsonBody(NoteDto, { note: 'Appeal accepted.' })
  @ApiOkResponse({ type: AdminUserItem, description: 'the admin user item, status active' })
  @ApiResponse({ status: 404, description: NOT_FOUND })
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
  @ApiJsonBody(RoleDto, { role: 'moderator', note: 'Joins the moderation team.' })
  @ApiOkResponse({ type: AdminUserItem, description: 'the admin user item with its new role' })
  @ApiResponse({ status: 404, description: NOT_FOUND })
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
