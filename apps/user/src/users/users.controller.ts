import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser, IdParams } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { ApiJsonBody } from '../common/api-json-body';
import { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { PublicProfile } from '@rendezvous/platform';
import { UserObject } from './user-object';
import { UsersService } from './users.service';

@ApiTags('users')
@ActiveUserApi()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'The caller’s user object' })
  @ApiOkResponse({ type: UserObject, description: 'the user object' })
  me(@CurrentUser() caller: AuthUser): Promise<UserObject> {
    return this.users.me(caller.id);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change name and/or profile fields (null clears an optional field)' })
  @ApiJsonBody(UpdateProfileDto, {
    name: 'Ada Lovelace',
    headline: 'Analyst of engines',
    bio: null,
    birthDate: '1990-12-10',
    industry: 'Software',
    jobLevel: 'senior',
    company: null,
    companySize: 'small',
    interests: ['mathematics', 'poetry'],
    skills: ['analysis'],
    languages: ['en', 'fr'],
    location: { lat: 51.5072, lng: -0.1276, city: 'London' },
  })
  @ApiOkResponse({ type: UserObject, description: 'the user object' })
  update(@CurrentUser() caller: AuthUser, @Body() body: UpdateProfileDto): Promise<UserObject> {
    return this.users.updateProfile(caller.id, body);
  }

  @Put('me/preferences')
  @ApiOperation({ summary: 'Replace the matching preferences; omitted fields take defaults' })
  @ApiJsonBody(UpdatePreferencesDto, {
    ageMin: 25,
    ageMax: 45,
    distanceKm: 30,
    industries: ['Software'],
    jobLevels: ['mid', 'senior'],
    companySizes: ['startup', 'small'],
    interests: ['mathematics'],
    networkingGoals: ['mentorship', 'collaboration'],
    meetingTypes: ['coffee', 'virtual'],
    languages: ['en'],
    excludeColleagues: true,
    weights: { interests: 3, location: 2, profile: 1 },
  })
  @ApiOkResponse({ type: UserObject, description: 'the user object, preferences replaced' })
  preferences(
    @CurrentUser() caller: AuthUser,
    @Body() body: UpdatePreferencesDto,
  ): Promise<UserObject> {
    return this.users.replacePreferences(caller.id, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Someone’s public profile' })
  @ApiOkResponse({ type: PublicProfile, description: 'the public profile' })
  @ApiResponse({
    status: 404,
    description: 'unknown, deleted, suspended or banned, or has blocked the caller',
  })
  profile(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PublicProfile> {
    return this.users.publicProfile(caller.id, params.id);
  }
}
