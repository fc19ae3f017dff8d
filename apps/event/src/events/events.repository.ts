import { Injectable } from '@nestjs/common';
import type { EventCategory, EventLocation } from '@rendezvous/contracts';
import { DomainError, EVENT_ERRORS, TOPICS } from '@rendezvous/contracts';
import { greatCircleKmSql, OutboxService } from '@rendezvous/platform';
import type { EntityManager } from 'typeorm';
import type { Cursor, Queryable } from '@rendezvous/platform';
import type { EventRow } from './event-record';
import { toEventState } from './event-record';
import { chunked } from './event-rules';
import type { LatLng } from '@rendezvous/contracts';
import { latitudeBand } from '@rendezvous/contracts';

/** Recipients per `event.cancelled` envelope, so a huge event never makes an oversized message. */
export const RECIPIENTS_PER_MESSAGE = 1000;

export interface EventFields {
  title: string;
  description: string;
  category: EventCategory;
  tags: string[];
  startsAt: Date;
  endsAt: Date;
  location: EventLocation;
  capacity: number;
}

export interface EventSearch {
  from: Date;
  to: Date | null;
  category: EventCategory | null;
  /** Part of the title, compared case-insensitively. */
  titleContains: string | null;
  near: LatLng | null;
  radiusKm: number;
  after: Cursor | null;
  limit: number;
}

export type FoundEvent = EventRow & { distance_km: number | null };

const DISTANCE_SQL = (lat: string, lng: string) =>
  greatCircleKmSql({ lat: 'lat', lng: 'lng' }, { lat, lng });

/** Event rows and the events that carry their state; every change of the event bumps `version`. */
@Injectable()
export class EventsRepository {
  constructor(private readonly outbox: OutboxService) {}

  async insert(
    tx: EntityManager,
    id: string,
    organizerId: string,
    fields: EventFields,
  ): Promise<EventRow> {
    const [row] = (await tx.query(
      `INSERT INTO events (id, organizer_id, title, description, category, tags, starts_at,
         ends_at, location_name, lat, lng, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [id, organizerId, ...this.columns(fields)],
    )) as EventRow[];
    await this.publish(tx, TOPICS.EVENT_CREATED, row);
    return row;
  }

  async find(db: Queryable, id: string): Promise<EventRow> {
    const rows = (await db.query('SELECT * FROM events WHERE id = $1', [id])) as EventRow[];
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  /** Locks the event for the rest of the transaction: its registrations change one at a time. */
  async lock(tx: EntityManager, id: string): Promise<EventRow> {
    const rows = (await tx.query('SELECT * FROM events WHERE id = $1 FOR UPDATE', [
      id,
    ])) as EventRow[];
    if (!rows[0]) throw notFound();
    return rows[0];
  }

  /** Ids of the scheduled events the person organizes that have not started. */
  async scheduledOrganizedBy(db: Queryable, organizerId: string, now: Date): Promise<string[]> {
    const rows = (await db.query(
      `SELECT id FROM events WHERE organizer_id = $1 AND status = 'scheduled' AND starts_at > $2`,
      [organizerId, now],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Locks several events, always in id order, so two such transactions cannot deadlock. */
  async lockMany(tx: EntityManager, ids: string[]): Promise<EventRow[]> {
    return (await tx.query(
      'SELECT * FROM events WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    )) as EventRow[];
  }

  async update(tx: EntityManager, id: string, fields: EventFields): Promise<EventRow> {
    const [rows] = (await tx.query(
      `UPDATE events SET title = $2, description = $3, category = $4, tags = $5, starts_at = $6,
         ends_at = $7, location_name = $8, lat = $9, lng = $10, capacity = $11,
         version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, ...this.columns(fields)],
    )) as [EventRow[], number];
    await this.publish(tx, TOPICS.EVENT_UPDATED, rows[0]);
    return rows[0];
  }

  /** Cancels the event and tells everyone who was registered or waiting. */
  async cancel(tx: EntityManager, id: string, recipientIds: string[]): Promise<EventRow> {
    const [rows] = (await tx.query(
      `UPDATE events SET status = 'cancelled', version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id],
    )) as [EventRow[], number];
    for (const recipients of chunked(recipientIds, RECIPIENTS_PER_MESSAGE)) {
      await this.publish(tx, TOPICS.EVENT_CANCELLED, rows[0], recipients);
    }
    return rows[0];
  }

  /**
   * `audit.recorded` for a cancellation by a moderator or admin who does not organize the event,
   * in the cancelling transaction; the user service appends it to the audit log.
   */
  async auditCancellation(
    tx: EntityManager,
    cancelled: EventRow,
    actorId: string,
    note: string | undefined,
  ): Promise<void> {
    await this.outbox.add(tx, {
      type: TOPICS.AUDIT_RECORDED,
      aggregateId: cancelled.id,
      aggregateVersion: cancelled.version,
      data: {
        actorId,
        action: 'event.cancelled',
        subjectUserId: cancelled.organizer_id,
        objectId: cancelled.id,
        ...(note === undefined ? {} : { note }),
        at: cancelled.updated_at.toISOString(),
      },
    });
  }

  /** Scheduled events starting within the window, soonest first; limit + 1 rows. */
  async search(db: Queryable, search: EventSearch): Promise<FoundEvent[]> {
    const params: unknown[] = [search.from];
    const where = [`status = 'scheduled'`, 'starts_at >= $1'];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (search.to) where.push(`starts_at <= ${param(search.to)}`);
    if (search.category) where.push(`category = ${param(search.category)}`);
    if (search.titleContains) {
      where.push(`strpos(lower(title), lower(${param(search.titleContains)})) > 0`);
    }
    if (search.after) {
      where.push(
        `(starts_at, id) > (${param(search.after.key)}::timestamptz, ${param(search.after.id)}::uuid)`,
      );
    }
    let distance = 'NULL::double precision';
    if (search.near) {
      const [south, north] = latitudeBand(search.near, search.radiusKm);
      distance = DISTANCE_SQL(
        `${param(search.near.lat)}::float8`,
        `${param(search.near.lng)}::float8`,
      );
      where.push(`lat BETWEEN ${param(south)} AND ${param(north)}`);
      where.push(`${distance} <= ${param(search.radiusKm)}`);
    }
    return (await db.query(
      `SELECT *, ${distance} AS distance_km FROM events WHERE ${where.join(' AND ')}
       ORDER BY starts_at, id LIMIT ${param(search.limit + 1)}`,
      params,
    )) as FoundEvent[];
  }

  private columns(fields: EventFields): unknown[] {
    return [
      fields.title,
      fields.description,
      fields.category,
      JSON.stringify(fields.tags),
      fields.startsAt,
      fields.endsAt,
      fields.location.name,
      fields.location.lat,
      fields.location.lng,
      fields.capacity,
    ];
  }

  private async publish(
    tx: EntityManager,
    type: 'event.created' | 'event.updated' | 'event.cancelled',
    row: EventRow,
    recipientIds?: string[],
  ): Promise<void> {
    await this.outbox.add(tx, {
      type,
      aggregateId: row.id,
      aggregateVersion: row.version,
      ...(recipientIds ? { recipientIds } : {}),
      data: toEventState(row),
    });
  }
}

export function notFound(): DomainError {
  return new DomainError(EVENT_ERRORS.EVENT_NOT_FOUND, 'No such event');
}
