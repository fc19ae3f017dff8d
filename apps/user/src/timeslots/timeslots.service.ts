import { Injectable } from '@nestjs/common';
import type { BookingData } from '@rendezvous/contracts';
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
import type { TimeslotRow } from './timeslots.repository';
import { TimeslotsRepository } from './timeslots.repository';

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
    private readonly timeslots: TimeslotsRepository,
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
      if (await this.timeslots.overlaps(tx, userId, { startsAt, endsAt })) {
        throw new DomainError(USER_ERRORS.TIMESLOT_OVERLAP, 'The slot overlaps one of your slots');
      }
      const row = await this.timeslots.insert(tx, userId, { startsAt, endsAt });
      await this.publish(tx, TOPICS.TIMESLOT_CREATED, row);
      return toTimeslot(row);
    });
  }

  async list(userId: string, limit: number, cursor?: string): Promise<Page<Timeslot>> {
    const after = decodeCursor(cursor, 'instant');
    const rows = await this.timeslots.page(this.dataSource, userId, after, limit);
    return toPage(rows, limit, (r) => ({ key: r.starts_at.toISOString(), id: r.id }), toTimeslot);
  }

  async remove(userId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const removed = await this.timeslots.delete(tx, id, userId);
      if (!removed) throw new DomainError(USER_ERRORS.TIMESLOT_NOT_FOUND, 'No such timeslot');
      await this.publish(tx, TOPICS.TIMESLOT_DELETED, { ...removed, version: removed.version + 1 });
    });
  }

  /** Account deletion: every slot of the person goes, each with its event. */
  async removeAllFor(tx: EntityManager, userId: string): Promise<void> {
    for (const row of await this.timeslots.deleteAllOf(tx, userId)) {
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
    const slot = await this.timeslots.lockLiving(tx, booking.timeslotId);
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
    await this.publish(
      tx,
      TOPICS.TIMESLOT_UPDATED,
      await this.timeslots.setStatus(tx, slot.id, status),
    );
  }

  private async publish(
    tx: EntityManager,
    type: 'timeslot.created' | 'timeslot.updated' | 'timeslot.deleted',
    row: TimeslotRow,
  ): Promise<void> {
    await this.outbox.add(tx, {
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
