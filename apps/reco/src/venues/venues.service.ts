import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditAction, VenueCategory } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError, RECO_ERRORS, TOPICS } from '@rendezvous/contracts';
import type { AuthUser, Page } from '@rendezvous/platform';
import { OutboxService, decodeCursor, toPage } from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { LatLng } from '@rendezvous/contracts';
import { round4 } from '../scoring/venue-score';
import type { CreateVenueDto, UpdateVenueDto } from './venue.dto';
import { DEFAULT_CAPACITY } from './venue.dto';
import type { VenueRow } from './venue-row';
import { toVenue, venueData } from './venue-row';
import type { ListedVenue, Venue } from './venue.shapes';
import { VenuesRepository } from './venues.repository';

function requireAdmin(caller: AuthUser): void {
  if (caller.role !== 'admin') {
    throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Only admins can manage venues');
  }
}

@Injectable()
export class VenuesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly venues: VenuesRepository,
    private readonly outbox: OutboxService,
  ) {}

  async create(caller: AuthUser, dto: CreateVenueDto): Promise<Venue> {
    requireAdmin(caller);
    return this.dataSource.transaction(async (tx) => {
      const row = await this.venues.insert(tx, randomUUID(), {
        name: dto.name,
        description: dto.description ?? null,
        category: dto.category,
        lat: dto.lat,
        lng: dto.lng,
        priceLevel: dto.priceLevel,
        rating: dto.rating ?? null,
        capacity: dto.capacity ?? DEFAULT_CAPACITY,
      });
      await this.publish(tx, TOPICS.VENUE_CREATED, row);
      await this.audit(tx, caller, 'venue.created', row);
      return toVenue(row);
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateVenueDto): Promise<Venue> {
    requireAdmin(caller);
    return this.dataSource.transaction(async (tx) => {
      const current = await this.venues.lock(tx, id);
      if (!current) throw new DomainError(RECO_ERRORS.VENUE_NOT_FOUND, 'No such venue');
      const { id: _id, ...before } = toVenue(current);
      const row = await this.venues.update(tx, id, {
        ...before,
        ...Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)),
      });
      await this.publish(tx, TOPICS.VENUE_UPDATED, row);
      await this.audit(tx, caller, 'venue.updated', row);
      return toVenue(row);
    });
  }

  async get(id: string): Promise<Venue> {
    const row = await this.venues.find(id);
    if (!row) throw new DomainError(RECO_ERRORS.VENUE_NOT_FOUND, 'No such venue');
    return toVenue(row);
  }

  async list(
    near: LatLng | null,
    category: VenueCategory | null,
    limit: number,
    cursor?: string,
  ): Promise<Page<ListedVenue>> {
    const rows = await this.venues.list(
      near,
      category,
      limit,
      decodeCursor(cursor, near ? 'number' : 'text'),
    );
    return toPage(
      rows,
      limit,
      (row) => ({ key: near ? String(row.km) : row.name, id: row.id }),
      (row) => (row.km === null ? toVenue(row) : { ...toVenue(row), distanceKm: round4(row.km) }),
    );
  }

  /** The admin's change for the user service's audit log, committed with the change itself. */
  private async audit(
    tx: EntityManager,
    caller: AuthUser,
    action: Extract<AuditAction, 'venue.created' | 'venue.updated'>,
    row: VenueRow,
  ): Promise<void> {
    await this.outbox.add(tx, {
      type: TOPICS.AUDIT_RECORDED,
      aggregateId: row.id,
      aggregateVersion: row.version,
      data: { actorId: caller.id, action, objectId: row.id, at: row.updated_at.toISOString() },
    });
  }

  private async publish(
    tx: EntityManager,
    type: 'venue.created' | 'venue.updated',
    row: VenueRow,
  ): Promise<void> {
    await this.outbox.add(tx, {
      type,
      aggregateId: row.id,
      aggregateVersion: row.version,
      data: venueData(row),
    });
  }
}
