import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FieldError, Role } from '@rendezvous/contracts';
import { DomainError, EVENT_ERRORS } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Page } from '@rendezvous/platform';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '@rendezvous/platform';
import { assertNoProblems } from '../common/validation-error';
import { PeopleRepository } from '../people/people.repository';
import type { CreateEventDto } from './dto/create-event.dto';
import { DEFAULT_RADIUS_KM } from './dto/list-events.query';
import type { ListEventsQuery } from './dto/list-events.query';
import type { UpdateEventDto } from './dto/update-event.dto';
import type { EventRow } from './event-record';
import { toEventView } from './event-record';
import type { EventView } from './event.view';
import { cancellationBy, normaliseTags, scheduleProblems } from './event-rules';
import type { EventFields } from './events.repository';
import { EventsRepository } from './events.repository';
import { parseNear } from './geo';
import { RegistrationsRepository } from './registrations.repository';

function fieldsOf(row: EventRow): EventFields {
  return {
    title: row.title,
    description: row.description,
    category: row.category,
    tags: row.tags,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: { name: row.location_name, lat: row.lat, lng: row.lng },
    capacity: row.capacity,
  };
}

function applyPatch(current: EventFields, patch: UpdateEventDto): EventFields {
  return {
    title: patch.title ?? current.title,
    description: patch.description === null ? '' : (patch.description ?? current.description),
    category: patch.category ?? current.category,
    tags: patch.tags === null ? [] : patch.tags ? normaliseTags(patch.tags) : current.tags,
    startsAt: patch.startsAt ? new Date(patch.startsAt) : current.startsAt,
    endsAt: patch.endsAt ? new Date(patch.endsAt) : current.endsAt,
    location: patch.location
      ? { name: patch.location.name, lat: patch.location.lat, lng: patch.location.lng }
      : current.location,
    capacity: patch.capacity ?? current.capacity,
  };
}

@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly profiles: PeopleRepository,
  ) {}

  async create(organizerId: string, dto: CreateEventDto): Promise<EventView> {
    return this.dataSource.transaction(async (tx) => {
      await this.profiles.lockCaller(tx, organizerId);
      const row = await this.events.insert(tx, randomUUID(), organizerId, {
        title: dto.title,
        description: dto.description ?? '',
        category: dto.category,
        tags: normaliseTags(dto.tags ?? []),
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        location: { name: dto.location.name, lat: dto.location.lat, lng: dto.location.lng },
        capacity: dto.capacity,
      });
      return toEventView(row);
    });
  }

  async get(id: string): Promise<EventView> {
    return toEventView(await this.events.find(this.dataSource.manager, id));
  }

  async list(query: ListEventsQuery, now: Date = new Date()): Promise<Page<EventView>> {
    const problems: FieldError[] = [];
    if (query.radiusKm !== undefined && query.near === undefined) {
      problems.push({ path: 'radiusKm', message: 'radiusKm needs near' });
    }
    if (query.from && query.to && new Date(query.to) < new Date(query.from)) {
      problems.push({ path: 'to', message: 'to must not be before from' });
    }
    assertNoProblems(problems);
    const near = query.near === undefined ? null : parseNear(query.near);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.events.search(this.dataSource.manager, {
      from: query.from ? new Date(query.from) : now,
      to: query.to ? new Date(query.to) : null,
      category: query.category ?? null,
      titleContains: query.q ?? null,
      near: typeof near === 'string' ? null : near,
      radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM,
      after: decodeCursor(query.cursor, 'instant'),
      limit,
    });
    return toPage(
      rows,
      limit,
      (row) => ({ key: row.starts_at.toISOString(), id: row.id }),
      (row) => ({
        ...toEventView(row),
        ...(row.distance_km === null
          ? {}
          : { distanceKm: Math.round(row.distance_km * 100) / 100 }),
      }),
    );
  }

  async update(callerId: string, id: string, patch: UpdateEventDto): Promise<EventView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.lockOwn(tx, callerId, id);
      if (row.status === 'cancelled') {
        throw new DomainError(EVENT_ERRORS.EVENT_CANCELLED, 'The event is cancelled');
      }
      const current = fieldsOf(row);
      const next = applyPatch(current, patch);
      assertNoProblems(
        scheduleProblems(next.startsAt, next.endsAt, {
          startsAt: patch.startsAt !== undefined,
          endsAt: patch.endsAt !== undefined,
        }),
      );
      if (next.capacity < row.registered_count) {
        throw new DomainError(
          EVENT_ERRORS.CAPACITY_BELOW_REGISTERED,
          `${row.registered_count} people are registered; capacity cannot go below that`,
        );
      }
      if (JSON.stringify(next) === JSON.stringify(current)) return toEventView(row);
      await this.events.update(tx, id, next);
      if (next.capacity > current.capacity) await this.registrations.fillSeats(tx, id);
      return toEventView(await this.events.find(tx, id));
    });
  }

  /**
   * DELETE cancels: the event stays readable; a repeat changes nothing. A moderator or admin may
   * cancel anyone's event, and doing so is audited with their note.
   */
  async cancel(caller: { id: string; role: Role }, id: string, note?: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const row = await this.events.lock(tx, id);
      const by = cancellationBy(row.organizer_id, caller);
      if (!by) {
        throw new DomainError(
          EVENT_ERRORS.NOT_ORGANIZER,
          'Only the organizer, a moderator or an admin may cancel the event',
        );
      }
      if (row.status === 'cancelled') return;
      const cancelled = await this.cancelLocked(tx, row);
      if (by === 'moderated') await this.events.auditCancellation(tx, cancelled, caller.id, note);
    });
  }

  /** Cancels an event the transaction holds locked, notifying everyone registered or waiting. */
  async cancelLocked(tx: EntityManager, row: EventRow): Promise<EventRow> {
    const recipients = await this.registrations.activeUserIds(tx, row.id);
    return this.events.cancel(tx, row.id, recipients);
  }

  private async lockOwn(tx: EntityManager, callerId: string, id: string): Promise<EventRow> {
    const row = await this.events.lock(tx, id);
    if (row.organizer_id !== callerId) {
      throw new DomainError(EVENT_ERRORS.NOT_ORGANIZER, 'Only the organizer may change the event');
    }
    return row;
  }
}
