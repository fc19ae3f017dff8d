import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

export interface EventAttendance {
  organizerId: string | null;
  /** People registered (not waitlisted) for the event. */
  registered: string[];
}

/** Who attends which event, from the event service's `event.*` events, newest state wins. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async applyEvent(
    tx: EntityManager,
    event: { eventId: string; organizerId: string; status: string },
    version: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO events (event_id, organizer_id, status, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id) DO UPDATE
         SET organizer_id = EXCLUDED.organizer_id, status = EXCLUDED.status,
             version = EXCLUDED.version
       WHERE events.version < EXCLUDED.version`,
      [event.eventId, event.organizerId, event.status, version],
    );
  }

  /**
   * A registration may arrive before its event's `event.created` (different topics): the
   * event is then known from the registration's organizer, at version 0, until its own
   * events arrive.
   */
  async applyRegistration(
    tx: EntityManager,
    registration: {
      registrationId: string;
      eventId: string;
      organizerId: string;
      userId: string;
      status: string;
    },
    version: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO events (event_id, organizer_id, status, version)
       VALUES ($1, $2, 'scheduled', 0) ON CONFLICT (event_id) DO NOTHING`,
      [registration.eventId, registration.organizerId],
    );
    await tx.query(
      `INSERT INTO event_registrations (registration_id, event_id, user_id, status, version)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (registration_id) DO UPDATE
         SET status = EXCLUDED.status, version = EXCLUDED.version
       WHERE event_registrations.version < EXCLUDED.version`,
      [
        registration.registrationId,
        registration.eventId,
        registration.userId,
        registration.status,
        version,
      ],
    );
  }

  /** The event's organizer and registered people; `null` for an unknown or cancelled event. */
  async attendanceOf(eventId: string): Promise<EventAttendance | null> {
    const events = (await this.dataSource.query(
      "SELECT organizer_id FROM events WHERE event_id = $1 AND status <> 'cancelled'",
      [eventId],
    )) as { organizer_id: string | null }[];
    if (!events[0]) return null;
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT user_id FROM event_registrations
       WHERE event_id = $1 AND status = 'registered'`,
      [eventId],
    )) as { user_id: string }[];
    return { organizerId: events[0].organizer_id, registered: rows.map((row) => row.user_id) };
  }

  async removeAllOf(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM event_registrations WHERE user_id = $1', [userId]);
  }
}
