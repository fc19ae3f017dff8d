import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser, IdParams } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import type { PublicProfile, UserObject } from './user-record';
import { UsersService } from './users.service';

@ApiTags('users')
@ActiveUserApi()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'The caller’s user object' })
  @ApiResponse({
    status: 200,
    description: '{ id, email, name, role, profile, preferences, createdAt }',
  })
  me(@CurrentUser() caller: AuthUser): Promise<UserObject> {
    return this.users.me(caller.id);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change name and/or profile fields (null clears an optional field)' })
  @ApiResponse({ status: 200, description: 'the user object' })
  @ApiResponse({ status: 400, description: 'one errors entry per bad field' })
  update(@CurrentUser() caller: AuthUser, @Body() body: UpdateProfileDto): Promise<UserObject> {
    return this.users.updateProfile(caller.id, body);
  }

  @Put('me/preferences')
  @ApiOperation({ summary: 'Replace the matching preferences; omitted fields take defaults' })
  @ApiResponse({ status: 200, description: 'the user object' })
  @ApiResponse({ status: 400, description: 'one errors entry per bad field' })
  preferences(
    @CurrentUser() caller: AuthUser,
    @Body() body: UpdatePreferencesDto,
  ): Promise<UserObject> {
    return this.users.replacePreferences(caller.id, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Someone’s public profile' })
  @ApiResponse({
    status: 200,
    description:
      '{ id, name, headline, bio, industry, jobLevel, company, interests, skills, languages, city }',
  })
  @ApiResponse({ status: 400, description: 'not a uuid' })
  @ApiResponse({ status: 404, description: 'unknown or deleted user' })
  profile(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PublicProfile> {
    return this.users.publicProfile(caller.id, params.id);
  }
}
