import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EncounterAnswer, ProximitySessionView } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser } from '@rendezvous/platform';
import { EncountersService } from './encounters.service';
import { CreateSessionDto, ReportEncounterDto } from './proximity.dto';
import { SessionsService } from './sessions.service';

@ApiTags('proximity')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('proximity')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly encounters: EncountersService,
  ) {}

  @Post('sessions')
  @ApiOperation({ summary: 'Go "open to talk": a live session for the advertised token' })
  @ApiResponse({ status: 201, description: '{ sessionId, expiresAt }; replaces your live one' })
  @ApiResponse({ status: 409, description: "the token is someone else's live session" })
  start(
    @CurrentUser() caller: AuthUser,
    @Body() body: CreateSessionDto,
  ): Promise<ProximitySessionView> {
    return this.sessions.start(caller.id, body.bleToken, body.interests);
  }

  @Delete('sessions/me')
  @HttpCode(204)
  @ApiOperation({ summary: 'End your live session' })
  @ApiResponse({ status: 204, description: 'ended (also when there was none)' })
  async end(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.sessions.end(caller.id);
  }

  @Post('encounters')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report a token your phone saw nearby' })
  @ApiResponse({
    status: 200,
    description:
      '{ match, sharedInterests, nudgeSent }; an unknown or expired token is simply no match',
  })
  @ApiResponse({ status: 400, description: 'detectedToken equals ownToken, or a bad field' })
  @ApiResponse({ status: 403, description: 'ownToken is not your live session' })
  report(
    @CurrentUser() caller: AuthUser,
    @Body() body: ReportEncounterDto,
  ): Promise<EncounterAnswer> {
    return this.encounters.report(caller.id, body.ownToken, body.detectedToken);
  }
}
