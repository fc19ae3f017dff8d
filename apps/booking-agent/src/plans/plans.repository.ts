import { Injectable } from '@nestjs/common';
import type {
  BookingFailureReason,
  ParticipantRole,
  ParticipantStatus,
  PlanStatus,
} from '@rendezvous/contracts';
import { BOOKING_ERRORS, DomainError, TOPICS } from '@rendezvous/contracts';
import type { Cursor, Queryable } from '@rendezvous/platform';
import { OutboxService, StatTallies, utcDay } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import type { BookingRow, ParticipantRow, Plan, PlanRow } from './plan-record';
import { participantIds, partySizeOf, toPlanState } from './plan-record';

export interface NewPlan {
  id: string;
  organizerId: string;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  message: string | null;
  timeslotId: string | null;
  inviteeIds: string[];
}

/**
 * Plans, their participants and bookings, and the events that carry them. Every change of a plan
 * (its participants' answers and its booking included) bumps its `version`.
 */
@Injectable()
export class PlansRepository {
  constructor(
    private readonly outbox: OutboxService,
    private readonly tallies: StatTallies,
  ) {}

  async insert(tx: EntityManager, plan: NewPlan): Promise<Plan> {
    await tx.query(
      `INSERT INTO plans (id, organizer_id, venue_id, starts_at, ends_at, message, timeslot_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        plan.id,
        plan.organizerId,
        plan.venueId,
        plan.startsAt,
        plan.endsAt,
        plan.message,
        plan.timeslotId,
      ],
    );
    await tx.query(
      `INSERT INTO participants (plan_id, user_id, role, status, position)
       SELECT $1, person, CASE WHEN n = 1 THEN 'organizer' ELSE 'invitee' END,
              CASE WHEN n = 1 THEN 'accepted' ELSE 'invited' END, n - 1
       FROM unnest($2::uuid[]) WITH ORDINALITY AS invited (person, n)`,
      [plan.id, [plan.organizerId, ...plan.inviteeIds]],
    );
    const created = await this.get(tx, plan.id);
    await this.publish(tx, TOPICS.PLAN_INVITED, created, plan.inviteeIds);
    return created;
  }

  async find(db: Queryable, id: string): Promise<Plan | null> {
    const rows = (await db.query('SELECT * FROM plans WHERE id = $1', [id])) as PlanRow[];
    return rows[0] ? this.withParts(db, rows[0]) : null;
  }

  async get(db: Queryable, id: string): Promise<Plan> {
    const plan = await this.find(db, id);
    if (!plan) throw planNotFound();
    return plan;
  }

  /** Locks the plan for the rest of the transaction: its changes happen one at a time. */
  async lock(tx: EntityManager, id: string): Promise<Plan> {
    const plan = await this.lockIfExists(tx, id);
    if (!plan) throw planNotFound();
    return plan;
  }

  async lockIfExists(tx: EntityManager, id: string): Promise<Plan | null> {
    const rows = (await tx.query('SELECT * FROM plans WHERE id = $1 FOR UPDATE', [
      id,
    ])) as PlanRow[];
    return rows[0] ? this.withParts(tx, rows[0]) : null;
  }

  async answer(tx: EntityManager, plan: Plan, userId: string, status: ParticipantStatus) {
    await tx.query('UPDATE participants SET status = $3 WHERE plan_id = $1 AND user_id = $2', [
      plan.row.id,
      userId,
      status,
    ]);
    return this.touch(tx, plan.row.id);
  }

  /** Removes an invitee from the plan (their account was deleted). */
  async removeInvitee(tx: EntityManager, planId: string, userId: string): Promise<Plan> {
    await tx.query(
      `DELETE FROM participants WHERE plan_id = $1 AND user_id = $2 AND role = 'invitee'`,
      [planId, userId],
    );
    return this.touch(tx, planId);
  }

  async setStatus(tx: EntityManager, planId: string, status: PlanStatus): Promise<Plan> {
    await tx.query('UPDATE plans SET status = $2 WHERE id = $1', [planId, status]);
    return this.touch(tx, planId);
  }

  /** The plan becomes `booked` with its booking; `booking.confirmed` tells every participant. */
  async booked(tx: EntityManager, plan: Plan, booking: Omit<BookingRow, 'status'>): Promise<Plan> {
    await tx.query(
      `INSERT INTO bookings (id, plan_id, venue_id, starts_at, ends_at, party_size, reference,
         status, timeslot_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'confirmed', $8)`,
      [
        booking.id,
        booking.plan_id,
        booking.venue_id,
        booking.starts_at,
        booking.ends_at,
        booking.party_size,
        booking.reference,
        booking.timeslot_id,
      ],
    );
    const updated = await this.setStatus(tx, plan.row.id, 'booked');
    await this.publishBooking(tx, TOPICS.BOOKING_CONFIRMED, updated);
    return updated;
  }

  async bookingFailed(tx: EntityManager, plan: Plan, reason: BookingFailureReason) {
    const updated = await this.setStatus(tx, plan.row.id, 'booking_failed');
    // A failed plan may be cancelled later: its failure is kept for the stats here.
    await this.tallies.add(tx, [{ counter: 'bookingsFailed', day: utcDay(new Date()), count: 1 }]);
    await this.outbox.add(tx, {
      type: TOPICS.BOOKING_FAILED,
      aggregateId: updated.row.id,
      aggregateVersion: updated.row.version,
      recipientIds: participantIds(updated),
      data: {
        planId: updated.row.id,
        venueId: updated.row.venue_id,
        startsAt: updated.row.starts_at.toISOString(),
        endsAt: updated.row.ends_at.toISOString(),
        partySize: partySizeOf(updated),
        reason,
      },
    });
    return updated;
  }

  /** Cancels the plan, and its booking if it has one (`booking.cancelled` to everyone). */
  async cancel(tx: EntityManager, plan: Plan): Promise<Plan> {
    await tx.query(`UPDATE plans SET status = 'cancelled' WHERE id = $1`, [plan.row.id]);
    const hadBooking = plan.booking?.status === 'confirmed';
    if (hadBooking) {
      await tx.query(
        `UPDATE bookings SET status = 'cancelled', cancelled_at = now() WHERE plan_id = $1`,
        [plan.row.id],
      );
    }
    const cancelled = await this.touch(tx, plan.row.id);
    await this.publish(tx, TOPICS.PLAN_UPDATED, cancelled, participantIds(cancelled));
    if (hadBooking) await this.publishBooking(tx, TOPICS.BOOKING_CANCELLED, cancelled);
    return cancelled;
  }

  /** The plans someone takes part in that are not cancelled and have not ended, in id order. */
  async unendedOf(
    db: Queryable,
    userId: string,
    now: Date,
  ): Promise<{ id: string; role: ParticipantRole }[]> {
    return (await db.query(
      `SELECT p.id, me.role FROM plans p JOIN participants me ON me.plan_id = p.id
       WHERE me.user_id = $1 AND p.status <> 'cancelled' AND p.ends_at > $2
       ORDER BY p.id`,
      [userId, now],
    )) as { id: string; role: ParticipantRole }[];
  }

  /** The plans someone takes part in, soonest first; limit + 1 rows. */
  async listFor(db: Queryable, userId: string, after: Cursor | null, limit: number) {
    const rows = (await db.query(
      `SELECT p.* FROM plans p JOIN participants me ON me.plan_id = p.id AND me.user_id = $1
       WHERE $2::timestamptz IS NULL OR (p.starts_at, p.id) > ($2::timestamptz, $3::uuid)
       ORDER BY p.starts_at, p.id LIMIT $4`,
      [userId, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as PlanRow[];
    return Promise.all(rows.map((row) => this.withParts(db, row)));
  }

  /** The bookings of plans someone takes part in, soonest first; limit + 1 rows. */
  async bookingsFor(db: Queryable, userId: string, after: Cursor | null, limit: number) {
    return (await db.query(
      `SELECT b.* FROM bookings b JOIN participants me ON me.plan_id = b.plan_id AND me.user_id = $1
       WHERE $2::timestamptz IS NULL OR (b.starts_at, b.id) > ($2::timestamptz, $3::uuid)
       ORDER BY b.starts_at, b.id LIMIT $4`,
      [userId, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as BookingRow[];
  }

  async publish(
    tx: EntityManager,
    type: 'plan.invited' | 'plan.updated' | 'plan.confirmed',
    plan: Plan,
    recipientIds?: string[],
  ) {
    await this.outbox.add(tx, {
      type,
      aggregateId: plan.row.id,
      aggregateVersion: plan.row.version,
      ...(recipientIds ? { recipientIds } : {}),
      data: toPlanState(plan),
    });
  }

  private async publishBooking(
    tx: EntityManager,
    type: 'booking.confirmed' | 'booking.cancelled',
    plan: Plan,
  ): Promise<void> {
    const booking = plan.booking;
    if (!booking) throw new Error(`plan ${plan.row.id} has no booking to publish`);
    await this.outbox.add(tx, {
      type,
      aggregateId: plan.row.id,
      aggregateVersion: plan.row.version,
      recipientIds: participantIds(plan),
      data: {
        planId: plan.row.id,
        bookingId: booking.id,
        venueId: booking.venue_id,
        startsAt: booking.starts_at.toISOString(),
        endsAt: booking.ends_at.toISOString(),
        partySize: booking.party_size,
        reference: booking.reference,
        status: booking.status,
        timeslotId: booking.timeslot_id,
      },
    });
  }

  private async touch(tx: EntityManager, planId: string): Promise<Plan> {
    const [rows] = (await tx.query(
      'UPDATE plans SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
      [planId],
    )) as [PlanRow[], number];
    return this.withParts(tx, rows[0]);
  }

  private async withParts(db: Queryable, row: PlanRow): Promise<Plan> {
    const participants = (await db.query(
      'SELECT * FROM participants WHERE plan_id = $1 ORDER BY position',
      [row.id],
    )) as ParticipantRow[];
    const bookings = (await db.query('SELECT * FROM bookings WHERE plan_id = $1', [
      row.id,
    ])) as BookingRow[];
    return { row, participants, booking: bookings[0] ?? null };
  }
}

export function planNotFound(): DomainError {
  return new DomainError(BOOKING_ERRORS.PLAN_NOT_FOUND, 'No such plan');
}
