import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  ApiPageResponse,
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  IdParams,
  ListQueryDto,
} from '@rendezvous/platform';
import { PublicProfile } from '@rendezvous/platform';
import { RegistrationView } from './registration.view';
import { RegistrationsService } from './registrations.service';

@ApiTags('events')
@Controller('events/:id')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post('registrations')
  @ApiOperation({
    summary: 'Register for an event: a seat while one is free, else a place on the waitlist',
  })
  @ApiCreatedResponse({ type: RegistrationView, description: 'registered or waitlisted' })
  @ApiResponse({ status: 404, description: 'no such event' })
  @ApiResponse({
    status: 409,
    description:
      'already registered or waiting; the event has started or is cancelled; the caller ' +
      'organizes it (the organizer attends by definition)',
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
  @ApiPageResponse(PublicProfile, 'one page of registered people, in registration order')
  @ApiResponse({ status: 403, description: 'neither the organizer nor registered' })
  @ApiResponse({ status: 404, description: 'no such event' })
  attendees(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Query() query: ListQueryDto,
  ): Promise<Page<PublicProfile>> {
    return this.registrations.attendees(
      caller.id,
      params.id,
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
    );
  }
}
