import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface PlanRow {
  id: string;
  organizer_id: string;
  venue_id: string;
  starts_at: Date;
  ends_at: Date;
  message: string | null;
  status: string;
  created_at: Date;
  role: string;
  my_status: string;
  invitees: { userId: string; status: string }[] | null;
}

interface BookingRow {
  id: string;
  plan_id: string;
  venue_id: string;
  starts_at: Date;
  ends_at: Date;
  party_size: number;
  reference: string;
  status: string;
  created_at: Date;
  cancelled_at: Date | null;
}

/**
 * What the booking agent keeps about one person, for their export: the plans they are in and
 * those plans' bookings. Who else is invited shows only on plans they organise.
 */
@Injectable()
export class PersonalDataRepository {
  async partOf(tx: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const plans = (await tx.query(
      `SELECT p.id, p.organizer_id, p.venue_id, p.starts_at, p.ends_at, p.message, p.status,
              p.created_at, me.role, me.status AS my_status,
              CASE WHEN me.role = 'organizer' THEN (
                SELECT json_agg(json_build_object('userId', o.user_id, 'status', o.status)
                                ORDER BY o.position)
                FROM participants o WHERE o.plan_id = p.id AND o.user_id <> $1
              ) END AS invitees
       FROM participants me JOIN plans p ON p.id = me.plan_id
       WHERE me.user_id = $1 ORDER BY p.created_at, p.id`,
      [userId],
    )) as PlanRow[];
    const bookings = (await tx.query(
      `SELECT b.* FROM bookings b JOIN participants me ON me.plan_id = b.plan_id
       WHERE me.user_id = $1 ORDER BY b.created_at, b.id`,
      [userId],
    )) as BookingRow[];
    return {
      plans: plans.map((row) => ({
        id: row.id,
        role: row.role,
        myStatus: row.my_status,
        organizerId: row.organizer_id,
        venueId: row.venue_id,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        message: row.message,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        ...(row.role === 'organizer' ? { invitees: row.invitees ?? [] } : {}),
      })),
      bookings: bookings.map((row) => ({
        id: row.id,
        planId: row.plan_id,
        venueId: row.venue_id,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        partySize: row.party_size,
        reference: row.reference,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        cancelledAt: row.cancelled_at?.toISOString() ?? null,
      })),
    };
  }
}
