import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RegistrationStatus } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { OutboxService, StatTallies, suspendedPersonSql, utcDay } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import type { Cursor, Queryable } from '@rendezvous/platform';
import { seatsToFill } from '../registrations/registration-rules';
import type { EventRow } from './event-record';
import { factsOf } from './event-record';
import type { PublicProfile } from '@rendezvous/platform';

export interface RegistrationRow {
  id: string;
  event_id: string;
  user_id: string;
  status: RegistrationStatus;
  /** bigint: arrives as a string. */
  arrival: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type AttendeeRow = { arrival: string; user_id: string; profile: PublicProfile };

/**
 * Registrations and their events. One row per event and person for good (cancelling sets the
 * status), so its id and rising version let consumers keep the newest status. Every method that
 * changes rows expects the event row to be locked by the caller; the counters on the event
 * follow through a trigger.
 */
@Injectable()
export class RegistrationsRepository {
  constructor(
    private readonly outbox: OutboxService,
    private readonly tallies: StatTallies,
  ) {}

  async lock(
    tx: EntityManager,
    eventId: string,
    userId: string,
  ): Promise<RegistrationRow | undefined> {
    const rows = (await tx.query(
      'SELECT * FROM registrations WHERE event_id = $1 AND user_id = $2 FOR UPDATE',
      [eventId, userId],
    )) as RegistrationRow[];
    return rows[0];
  }

  async statusOf(
    db: Queryable,
    eventId: string,
    userId: string,
  ): Promise<RegistrationStatus | undefined> {
    const rows = (await db.query(
      'SELECT status FROM registrations WHERE event_id = $1 AND user_id = $2',
      [eventId, userId],
    )) as { status: RegistrationStatus }[];
    return rows[0]?.status;
  }

  /** A new arrival (or a return after cancelling): at the back of the queue. */
  async arrive(
    tx: EntityManager,
    event: EventRow,
    userId: string,
    status: RegistrationStatus,
    previous: RegistrationRow | undefined,
  ): Promise<RegistrationRow> {
    // The row counts its first arrival in the stats; a return is tallied on its own day.
    if (previous) {
      await this.tallies.add(tx, [{ counter: 'registrations', day: utcDay(new Date()), count: 1 }]);
    }
    const [row] = previous
      ? (
          (await tx.query(
            `UPDATE registrations SET status = $2, arrival = nextval('registration_arrival'),
               version = version + 1, updated_at = now()
             WHERE id = $1 RETURNING *`,
            [previous.id, status],
          )) as [RegistrationRow[], number]
        )[0]
      : ((await tx.query(
          `INSERT INTO registrations (id, event_id, user_id, status) VALUES ($1, $2, $3, $4)
           RETURNING *`,
          [randomUUID(), event.id, userId, status],
        )) as RegistrationRow[]);
    await this.publish(tx, TOPICS.EVENT_REGISTRATION_CREATED, event, row);
    return row;
  }

  async cancel(tx: EntityManager, event: EventRow, registration: RegistrationRow): Promise<void> {
    const [rows] = (await tx.query(
      `UPDATE registrations SET status = 'cancelled', version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [registration.id],
    )) as [RegistrationRow[], number];
    await this.publish(tx, TOPICS.EVENT_REGISTRATION_CANCELLED, event, rows[0]);
  }

  /** A ban: the person's place, if they hold one, is cancelled; answers the row as it was. */
  async cancelHeld(
    tx: EntityManager,
    event: EventRow,
    userId: string,
  ): Promise<RegistrationRow | undefined> {
    const held = await this.lock(tx, event.id, userId);
    if (!held || held.status === 'cancelled') return undefined;
    await this.cancel(tx, event, held);
    return held;
  }

  /** Account deletion: the row goes; a registration still active is announced as cancelled. */
  async remove(
    tx: EntityManager,
    event: EventRow,
    userId: string,
  ): Promise<RegistrationRow | undefined> {
    const [rows] = (await tx.query(
      'DELETE FROM registrations WHERE event_id = $1 AND user_id = $2 RETURNING *',
      [event.id, userId],
    )) as [RegistrationRow[], number];
    const row = rows[0];
    if (row) {
      await this.tallies.add(tx, [
        { counter: 'registrations', day: utcDay(row.created_at), count: 1 },
      ]);
    }
    if (row && row.status !== 'cancelled') {
      await this.publish(tx, TOPICS.EVENT_REGISTRATION_CANCELLED, event, {
        ...row,
        status: 'cancelled',
        version: row.version + 1,
      });
    }
    return row;
  }

  /**
   * Gives free seats of the (locked) event to the people waiting longest, each told through
   * `event.registration.promoted`.
   */
  async fillSeats(tx: EntityManager, eventId: string): Promise<RegistrationRow[]> {
    const [event] = (await tx.query('SELECT * FROM events WHERE id = $1', [eventId])) as EventRow[];
    const seats = seatsToFill(factsOf(event));
    if (seats === 0) return [];
    const [promoted] = (await tx.query(
      `UPDATE registrations SET status = 'registered', version = version + 1, updated_at = now()
       WHERE id IN (SELECT id FROM registrations WHERE event_id = $1 AND status = 'waitlisted'
                    ORDER BY arrival LIMIT $2)
       RETURNING *`,
      [eventId, seats],
    )) as [RegistrationRow[], number];
    promoted.sort((a, b) => compareArrival(a.arrival, b.arrival));
    for (const row of promoted) {
      await this.publish(tx, TOPICS.EVENT_REGISTRATION_PROMOTED, event, row, [row.user_id]);
    }
    return promoted;
  }

  /** Everyone registered or waiting, in arrival order. */
  async activeUserIds(tx: EntityManager, eventId: string): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT user_id FROM registrations
       WHERE event_id = $1 AND status IN ('registered', 'waitlisted') ORDER BY arrival`,
      [eventId],
    )) as { user_id: string }[];
    return rows.map((r) => r.user_id);
  }

  /** Events where the person holds a row of any status. */
  async eventIdsOf(tx: EntityManager, userId: string): Promise<string[]> {
    const rows = (await tx.query('SELECT event_id FROM registrations WHERE user_id = $1', [
      userId,
    ])) as { event_id: string }[];
    return rows.map((r) => r.event_id);
  }

  /** Events not over yet where the person is registered or waiting. */
  async heldEventIdsOf(tx: EntityManager, userId: string, now: Date): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT r.event_id FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE r.user_id = $1 AND r.status IN ('registered', 'waitlisted') AND e.ends_at > $2`,
      [userId, now],
    )) as { event_id: string }[];
    return rows.map((r) => r.event_id);
  }

  /**
   * Registered people this service knows the profile of, in arrival order, leaving out anyone
   * suspended or banned (their registrations stay); limit + 1 rows.
   */
  async attendees(
    db: Queryable,
    eventId: string,
    after: Cursor | null,
    limit: number,
  ): Promise<AttendeeRow[]> {
    return (await db.query(
      `SELECT r.arrival, r.user_id, u.profile FROM registrations r
       JOIN users u ON u.id = r.user_id AND u.profile IS NOT NULL AND u.deleted_at IS NULL
       WHERE r.event_id = $1 AND r.status = 'registered' AND NOT ${suspendedPersonSql('r.user_id')}
         AND ($2::bigint IS NULL OR r.arrival > $2::bigint)
       ORDER BY r.arrival LIMIT $3`,
      [eventId, after?.key ?? null, limit + 1],
    )) as AttendeeRow[];
  }

  private async publish(
    tx: EntityManager,
    type:
      'event.registration.created' | 'event.registration.cancelled' | 'event.registration.promoted',
    event: EventRow,
    row: Pick<RegistrationRow, 'id' | 'user_id' | 'status' | 'version'>,
    recipientIds?: string[],
  ): Promise<void> {
    await this.outbox.add(tx, {
      type,
      aggregateId: row.id,
      aggregateVersion: row.version,
      ...(recipientIds ? { recipientIds } : {}),
      data: {
        registrationId: row.id,
        eventId: event.id,
        organizerId: event.organizer_id,
        userId: row.user_id,
        status: row.status,
        eventStartsAt: event.starts_at.toISOString(),
        eventEndsAt: event.ends_at.toISOString(),
      },
    });
  }
}

function compareArrival(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
