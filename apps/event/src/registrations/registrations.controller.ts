import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { CurrentUser, IdParams } from '@rendezvous/platform';
import { EventApi } from '../common/event-api.decorator';
import { DEFAULT_PAGE_SIZE } from '../events/dto/list-events.query';
import type { PublicProfile } from '../profiles/public-profile';
import { AttendeesQuery } from './attendees.query';
import type { RegistrationView } from './registrations.service';
import { RegistrationsService } from './registrations.service';

@ApiTags('events')
@EventApi()
@Controller('events/:id')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post('registrations')
  @ApiOperation({
    summary: 'Register for an event: a seat while one is free, else a place on the waitlist',
  })
  @ApiResponse({
    status: 201,
    description: '{ id, eventId, userId, status: "registered" | "waitlisted", waitlistPosition? }',
  })
  @ApiResponse({ status: 404, description: 'no such event' })
  @ApiResponse({
    status: 409,
    description: 'already registered or waiting; event started or cancelled; the organizer',
  })
  register(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<RegistrationView> {
    return this.registrations.register(caller.id, params.id);
  }

  @Delete('registrations/me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel the caller’s registration; the first waiting person moves up' })
  @ApiResponse({ status: 204, description: 'cancelled' })
  @ApiResponse({ status: 404, description: 'no such event, or the caller is not registered' })
  async cancel(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<void> {
    await this.registrations.cancelOwn(caller.id, params.id);
  }

  @Get('attendees')
  @ApiOperation({
    summary: 'Registered people (public profiles), in registration order',
    description: 'For the organizer and registered attendees only.',
  })
  @ApiResponse({
    status: 200,
    description:
      '{ items: [{ id, name, headline, bio, industry, jobLevel, company, interests, skills, ' +
      'languages, city }], nextCursor }',
  })
  @ApiResponse({ status: 403, description: 'neither the organizer nor registered' })
  @ApiResponse({ status: 404, description: 'no such event' })
  attendees(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Query() query: AttendeesQuery,
  ): Promise<Page<PublicProfile>> {
    return this.registrations.attendees(
      caller.id,
      params.id,
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
    );
  }
}
