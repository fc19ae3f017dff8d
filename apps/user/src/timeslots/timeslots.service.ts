import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BookingData, TimeslotEventData, TimeslotStatus } from '@rendezvous/contracts';
import { DomainError, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import { decodeCursor, invalidFields, OutboxService, toPage } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Page } from '@rendezvous/platform';
import { UsersRepository } from '../users/users.repository';
import type { CreateTimeslotDto } from './dto/create-timeslot.dto';
import type { Timeslot } from './timeslot';
import { TimeslotBookingsRepository } from './timeslot-bookings.repository';
import { slotStatus, timeslotProblems } from './timeslot-rules';

interface TimeslotRow {
  id: string;
  user_id: string;
  starts_at: Date;
  ends_at: Date;
  status: TimeslotStatus;
  version: number;
}

function toTimeslot(row: TimeslotRow): Timeslot {
  return {
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: row.status,
  };
}

@Injectable()
export class TimeslotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxService,
    private readonly bookings: TimeslotBookingsRepository,
  ) {}

  async create(userId: string, dto: CreateTimeslotDto): Promise<Timeslot> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const problems = timeslotProblems(startsAt, endsAt);
    if (problems.length > 0) {
      throw invalidFields(problems);
    }
    return this.dataSource.transaction(async (tx) => {
      // The person's row lock serialises their slot changes, so the overlap check holds.
      await this.users.lockActive(tx, userId);
      const clash = (await tx.query(
        'SELECT 1 FROM timeslots WHERE user_id = $1 AND starts_at < $3 AND ends_at > $2 LIMIT 1',
        [userId, startsAt, endsAt],
      )) as unknown[];
      if (clash.length > 0) {
        throw new DomainError(USER_ERRORS.TIMESLOT_OVERLAP, 'The slot overlaps one of your slots');
      }
      const [row] = (await tx.query(
        `INSERT INTO timeslots (id, user_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)
         RETURNING *`,
        [randomUUID(), userId, startsAt, endsAt],
      )) as TimeslotRow[];
      await this.publish(tx, TOPICS.TIMESLOT_CREATED, row);
      return toTimeslot(row);
    });
  }

  async list(userId: string, limit: number, cursor?: string): Promise<Page<Timeslot>> {
    const after = decodeCursor(cursor, 'instant');
    const rows = (await this.dataSource.query(
      `SELECT * FROM timeslots
       WHERE user_id = $1 AND ends_at > now()
         AND ($2::timestamptz IS NULL OR (starts_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY starts_at, id LIMIT $4`,
      [userId, after?.key ?? null, after?.id ?? null, limit + 1],
    )) as TimeslotRow[];
    return toPage(rows, limit, (r) => ({ key: r.starts_at.toISOString(), id: r.id }), toTimeslot);
  }

  async remove(userId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(
        'DELETE FROM timeslots WHERE id = $1 AND user_id = $2 RETURNING *',
        [id, userId],
      )) as [TimeslotRow[], number];
      if (!rows[0]) throw new DomainError(USER_ERRORS.TIMESLOT_NOT_FOUND, 'No such timeslot');
      await this.publish(tx, TOPICS.TIMESLOT_DELETED, { ...rows[0], version: rows[0].version + 1 });
    });
  }

  /** Account deletion: every slot of the person goes, each with its event. */
  async removeAllFor(tx: EntityManager, userId: string): Promise<void> {
    const [rows] = (await tx.query('DELETE FROM timeslots WHERE user_id = $1 RETURNING *', [
      userId,
    ])) as [TimeslotRow[], number];
    for (const row of rows) {
      await this.publish(tx, TOPICS.TIMESLOT_DELETED, { ...row, version: row.version + 1 });
    }
  }

  /**
   * `booking.confirmed|cancelled` naming one of the slots: records the plan's booking state if it
   * is newer than the one held, then derives the slot's status from every plan holding it.
   */
  async applyBooking(tx: EntityManager, booking: BookingData, planVersion: number): Promise<void> {
    if (booking.timeslotId === null) return;
    // The lock makes events of different plans for one slot apply one at a time. A deleted slot,
    // or a deleted person's, is gone: the event changes nothing.
    const [slot] = (await tx.query(
      `SELECT t.* FROM timeslots t JOIN users u ON u.id = t.user_id AND u.deleted_at IS NULL
       WHERE t.id = $1 FOR UPDATE OF t`,
      [booking.timeslotId],
    )) as TimeslotRow[];
    if (!slot) return;
    const recorded = await this.bookings.recordIfNewer(tx, {
      timeslotId: slot.id,
      planId: booking.planId,
      version: planVersion,
      confirmed: booking.status === 'confirmed',
    });
    if (!recorded) return;
    const status = slotStatus(await this.bookings.confirmedFlags(tx, slot.id));
    if (status === slot.status) return;
    const [rows] = (await tx.query(
      'UPDATE timeslots SET status = $2, version = version + 1 WHERE id = $1 RETURNING *',
      [slot.id, status],
    )) as [TimeslotRow[], number];
    await this.publish(tx, TOPICS.TIMESLOT_UPDATED, rows[0]);
  }

  private async publish(tx: EntityManager, type: string, row: TimeslotRow): Promise<void> {
    await this.outbox.add<TimeslotEventData>(tx, {
      type,
      aggregateId: row.id,
      aggregateVersion: row.version,
      data: {
        timeslotId: row.id,
        userId: row.user_id,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        status: row.status,
      },
    });
  }
}
