import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser, IdParams } from '@rendezvous/platform';
import type { EventRow } from '../events/event-record';
import { RegistrationsService } from '../registrations/registrations.service';
import type { CalendarEntry } from './ics';
import { calendarOf } from './ics';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export function calendarEntryOf(event: EventRow, now: Date = new Date()): CalendarEntry {
  return {
    uid: `${event.id}@rendezvous`,
    stamp: now,
    created: event.created_at,
    lastModified: event.updated_at,
    sequence: event.version - 1,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    summary: event.title,
    description: event.description,
    location: event.location_name,
    geo: { lat: event.lat, lng: event.lng },
    categories: [event.category, ...event.tags],
    cancelled: event.status === 'cancelled',
  };
}

@ApiTags('events')
@Controller('events/:id')
export class CalendarController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Get('calendar.ics')
  @Header('Content-Type', ICS_CONTENT_TYPE)
  @Header('Content-Disposition', 'attachment; filename="event.ics"')
  @ApiOperation({
    summary: 'The event as an RFC 5545 calendar entry (organizer and registered attendees)',
  })
  @ApiOkResponse({
    description: 'an RFC 5545 calendar with one VEVENT',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 403, description: 'neither the organizer nor registered' })
  @ApiResponse({ status: 404, description: 'no such event' })
  async calendar(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<string> {
    const event = await this.registrations.attendedBy(caller.id, params.id);
    return calendarOf(calendarEntryOf(event));
  }
}
