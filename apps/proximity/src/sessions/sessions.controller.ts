import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { EncountersService } from './encounters.service';
import {
  CREATE_SESSION_EXAMPLE,
  CreateSessionDto,
  REPORT_ENCOUNTER_EXAMPLE,
  ReportEncounterDto,
} from './proximity.dto';
import { EncounterAnswer, ProximitySession } from './session.shapes';
import { SessionsService } from './sessions.service';

@ApiTags('proximity')
@Controller('proximity')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly encounters: EncountersService,
  ) {}

  @Post('sessions')
  @ApiOperation({ summary: 'Go "open to talk": a live session for the advertised token' })
  @ApiBody({ type: CreateSessionDto, examples: { session: { value: CREATE_SESSION_EXAMPLE } } })
  @ApiCreatedResponse({ type: ProximitySession, description: 'replaces your live session' })
  @ApiResponse({ status: 409, description: "the token is someone else's live session" })
  start(
    @CurrentUser() caller: AuthUser,
    @Body() body: CreateSessionDto,
  ): Promise<ProximitySession> {
    return this.sessions.start(caller.id, body.bleToken, body.interests);
  }

  @Delete('sessions/me')
  @HttpCode(204)
  @ApiOperation({ summary: 'End your live session' })
  @ApiNoContentResponse({ description: 'ended (also when there was none)' })
  async end(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.sessions.end(caller.id);
  }

  @Post('encounters')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report a token your phone saw nearby',
    description: 'A detectedToken equal to ownToken is a 400.',
  })
  @ApiBody({
    type: ReportEncounterDto,
    examples: { sighting: { value: REPORT_ENCOUNTER_EXAMPLE } },
  })
  @ApiOkResponse({
    type: EncounterAnswer,
    description:
      'an unknown or expired token is no match: `{ match: false, sharedInterests: [], nudgeSent: false }`',
  })
  @ApiResponse({ status: 403, description: 'ownToken is not your live session' })
  report(
    @CurrentUser() caller: AuthUser,
    @Body() body: ReportEncounterDto,
  ): Promise<EncounterAnswer> {
    return this.encounters.report(caller.id, body.ownToken, body.detectedToken);
  }
}
