import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ParticipantStatus } from '@rendezvous/contracts';
import { BOOKING_ERRORS, DomainError, PLAN_LIMITS, TOPICS } from '@rendezvous/contracts';
import type { Page } from '@rendezvous/platform';
import { BlocksProjection, decodeCursor, invalidFields, toPage } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { PeopleRepository, unknownPerson } from '../people/people.repository';
import { TimeslotsRepository } from '../directory/timeslots.repository';
import { VenuesRepository } from '../directory/venues.repository';
import type { CreatePlanDto } from './dto/create-plan.dto';
import { SUGGESTIONS_DEFAULT } from './dto/suggestions.query';
import type { BookingView } from './booking.view';
import type { ConfirmationView } from './confirmation.view';
import type { Plan } from './plan-record';
import { inviteeIds, participantIds, toBookingView, toPlanView } from './plan-record';
import type { Window } from './plan-rules';
import { sharedWindows, within } from './plan-rules';
import type { PlanView } from './plan.view';
import { PlansRepository, planNotFound } from './plans.repository';
import type { SuggestionList } from './suggestions.view';

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly people: PeopleRepository,
    private readonly blocks: BlocksProjection,
    private readonly venues: VenuesRepository,
    private readonly timeslots: TimeslotsRepository,
  ) {}

  async create(organizerId: string, dto: CreatePlanDto, now = new Date()): Promise<PlanView> {
    const invitees = dto.inviteeIds.map((id) => id.toLowerCase());
    if (invitees.includes(organizerId)) {
      throw invalidFields([
        { path: 'inviteeIds', message: 'inviteeIds must not include yourself' },
      ]);
    }
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt
      ? new Date(dto.endsAt)
      : new Date(startsAt.getTime() + PLAN_LIMITS.DEFAULT_LENGTH_MS);
    return this.dataSource.transaction(async (tx) => {
      await this.people.lockCaller(tx, organizerId);
      if (!(await this.venues.find(tx, dto.venueId))) {
        throw new DomainError(BOOKING_ERRORS.VENUE_NOT_FOUND, 'No such venue', [
          { path: 'venueId', message: `venueId names no known venue: ${dto.venueId}` },
        ]);
      }
      const unreachable = await this.firstUnreachable(tx, organizerId, invitees);
      if (unreachable) throw unknownPerson('inviteeIds', unreachable);
      const timeslotId =
        invitees.length === 1
          ? await this.coffeeSlot(tx, invitees[0], { startsAt, endsAt }, now)
          : null;
      const plan = await this.plans.insert(tx, {
        id: randomUUID(),
        organizerId,
        venueId: dto.venueId,
        startsAt,
        endsAt,
        message: dto.message ?? null,
        timeslotId,
        inviteeIds: invitees,
      });
      return toPlanView(plan);
    });
  }

  async get(callerId: string, id: string): Promise<PlanView> {
    const plan = await this.plans.find(this.dataSource.manager, id);
    if (!plan || !participantIds(plan).includes(callerId)) throw planNotFound();
    return toPlanView(plan);
  }

  async list(callerId: string, limit: number, cursor?: string): Promise<Page<PlanView>> {
    const rows = await this.plans.listFor(
      this.dataSource.manager,
      callerId,
      decodeCursor(cursor, 'instant'),
      limit,
    );
    return toPage(
      rows,
      limit,
      (p) => ({ key: p.row.starts_at.toISOString(), id: p.row.id }),
      toPlanView,
    );
  }

  async bookings(callerId: string, limit: number, cursor?: string): Promise<Page<BookingView>> {
    const rows = await this.plans.bookingsFor(
      this.dataSource.manager,
      callerId,
      decodeCursor(cursor, 'instant'),
      limit,
    );
    return toPage(
      rows,
      limit,
      (b) => ({ key: b.starts_at.toISOString(), id: b.id }),
      toBookingView,
    );
  }

  /**
   * An invitee's answer, open until the plan is cancelled or has started; a repeat of the current
   * answer changes nothing. Party size is counted when the agent books, so answers after that
   * leave the booking as it is.
   */
  async answer(
    callerId: string,
    id: string,
    answer: ParticipantStatus,
    now = new Date(),
  ): Promise<PlanView> {
    return this.dataSource.transaction(async (tx) => {
      await this.people.lockCaller(tx, callerId);
      const plan = await this.plans.lock(tx, id);
      const me = plan.participants.find((p) => p.user_id === callerId);
      if (me?.role !== 'invitee') {
        throw new DomainError(BOOKING_ERRORS.NOT_INVITEE, 'Only invitees answer a plan');
      }
      if (plan.row.status === 'cancelled') throw cancelled();
      if (me.status === answer) return toPlanView(plan);
      if (plan.row.starts_at <= now) throw started();
      let updated = await this.plans.answer(tx, plan, callerId, answer);
      const confirmsItself =
        answer === 'accepted' && plan.row.status === 'proposed' && inviteeIds(updated).length === 1;
      if (confirmsItself) updated = await this.plans.setStatus(tx, id, 'booking');
      await this.plans.publish(tx, TOPICS.PLAN_UPDATED, updated, participantIds(updated));
      if (confirmsItself) await this.plans.publish(tx, TOPICS.PLAN_CONFIRMED, updated);
      return toPlanView(updated);
    });
  }

  /** The first confirm hands the plan to the booking agent; repeats report where it stands. */
  async confirm(callerId: string, id: string, now = new Date()): Promise<ConfirmationView> {
    return this.dataSource.transaction(async (tx) => {
      await this.people.lockCaller(tx, callerId);
      const plan = await this.lockOwn(tx, callerId, id);
      if (plan.row.status === 'cancelled') throw cancelled();
      if (plan.row.status !== 'proposed') return { status: plan.row.status };
      if (plan.row.starts_at <= now) throw started();
      const updated = await this.plans.setStatus(tx, id, 'booking');
      await this.plans.publish(tx, TOPICS.PLAN_UPDATED, updated, participantIds(updated));
      await this.plans.publish(tx, TOPICS.PLAN_CONFIRMED, updated);
      return { status: 'booking' };
    });
  }

  /** Cancels the plan and releases its booking; a repeat changes nothing. */
  async cancel(callerId: string, id: string): Promise<PlanView> {
    return this.dataSource.transaction(async (tx) => {
      await this.people.lockCaller(tx, callerId);
      const plan = await this.lockOwn(tx, callerId, id);
      if (plan.row.status === 'cancelled') return toPlanView(plan);
      return toPlanView(await this.plans.cancel(tx, plan));
    });
  }

  /**
   * Upcoming windows when both the caller and `otherId` are free: the overlaps of their free
   * slots, or one person's free slots when the other publishes none. Across a block, either
   * way, or while suspended, the other person is answered as unknown: their free time is
   * nobody's business there.
   */
  async suggestions(
    callerId: string,
    otherId: string,
    limit = SUGGESTIONS_DEFAULT,
    now = new Date(),
  ): Promise<SuggestionList> {
    if (otherId === callerId) {
      throw invalidFields([{ path: 'with', message: 'with must be someone other than yourself' }]);
    }
    const db = this.dataSource.manager;
    if (await this.firstUnreachable(db, callerId, [otherId])) throw unknownPerson('with', otherId);
    const [mine, theirs] = await Promise.all([
      this.availability(db, callerId, now),
      this.availability(db, otherId, now),
    ]);
    const items = sharedWindows(mine ?? theirs ?? [], theirs ?? mine ?? [], now)
      .slice(0, limit)
      .map((w) => ({ startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() }));
    return { items };
  }

  /**
   * The first of `ids` the caller cannot reach, answered as unknown (`404`): nobody this service
   * knows of, deleted, suspended or banned, or across a block either way.
   */
  private async firstUnreachable(
    db: EntityManager,
    callerId: string,
    ids: string[],
  ): Promise<string | undefined> {
    const known = await this.people.existing(db, ids);
    for (const id of ids) {
      if (!known.has(id) || (await this.blocks.eitherBlocked(db, callerId, id))) return id;
    }
    return undefined;
  }

  /** Someone's free slots, or `null` when they publish none: their time is then not a limit. */
  private async availability(db: EntityManager, userId: string, now: Date) {
    if (!(await this.timeslots.publishesSlots(db, userId, now))) return null;
    return this.timeslots.freeSlots(db, userId, now);
  }

  /**
   * The coffee-meeting rule: when the invitee publishes timeslots, the plan must lie inside one
   * that is still free; that slot is the one the booking will take.
   */
  private async coffeeSlot(
    tx: EntityManager,
    inviteeId: string,
    plan: Window,
    now: Date,
  ): Promise<string | null> {
    if (!(await this.timeslots.publishesSlots(tx, inviteeId, now))) return null;
    const slot = (await this.timeslots.freeSlots(tx, inviteeId, now)).find((s) => within(plan, s));
    if (!slot) {
      throw new DomainError(
        BOOKING_ERRORS.OUTSIDE_FREE_TIMESLOT,
        'The invitee publishes free timeslots and the plan lies outside all of them',
      );
    }
    return slot.id;
  }

  private async lockOwn(tx: EntityManager, callerId: string, id: string): Promise<Plan> {
    const plan = await this.plans.lock(tx, id);
    if (plan.row.organizer_id !== callerId) {
      throw new DomainError(BOOKING_ERRORS.NOT_ORGANIZER, 'Only the organizer may do this');
    }
    return plan;
  }
}

const cancelled = () => new DomainError(BOOKING_ERRORS.PLAN_CANCELLED, 'The plan is cancelled');

const started = () => new DomainError(BOOKING_ERRORS.PLAN_STARTED, 'The plan has already started');
