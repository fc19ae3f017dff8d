import type {
  BookingStatus,
  ParticipantRole,
  ParticipantStatus,
  PlanParticipantData,
  PlanStateData,
  PlanStatus,
} from '@rendezvous/contracts';
import type { BookingView } from './booking.view';
import type { PlanView } from './plan.view';

export interface PlanRow {
  id: string;
  organizer_id: string;
  venue_id: string;
  starts_at: Date;
  ends_at: Date;
  message: string | null;
  status: PlanStatus;
  timeslot_id: string | null;
  version: number;
}

export interface ParticipantRow {
  plan_id: string;
  user_id: string;
  role: ParticipantRole;
  status: ParticipantStatus;
}

export interface BookingRow {
  id: string;
  plan_id: string;
  venue_id: string;
  starts_at: Date;
  ends_at: Date;
  party_size: number;
  reference: string;
  status: BookingStatus;
  timeslot_id: string | null;
}

/** A plan with its participants (organizer first, then invitees in the order invited). */
export interface Plan {
  row: PlanRow;
  participants: ParticipantRow[];
  booking: BookingRow | null;
}

const participantOf = (p: ParticipantRow): PlanParticipantData => ({
  userId: p.user_id,
  role: p.role,
  status: p.status,
});

export function toBookingView(row: BookingRow): BookingView {
  return {
    id: row.id,
    planId: row.plan_id,
    venueId: row.venue_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    partySize: row.party_size,
    reference: row.reference,
    status: row.status,
  };
}

export function toPlanView(plan: Plan): PlanView {
  const { row } = plan;
  return {
    id: row.id,
    organizerId: row.organizer_id,
    venueId: row.venue_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    message: row.message,
    status: row.status,
    participants: plan.participants.map(participantOf),
    ...(plan.booking ? { booking: toBookingView(plan.booking) } : {}),
  };
}

/** What `plan.*` events carry: the plan without its message (that is for the participants). */
export function toPlanState(plan: Plan): PlanStateData {
  const { row } = plan;
  return {
    planId: row.id,
    organizerId: row.organizer_id,
    venueId: row.venue_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: row.status,
    participants: plan.participants.map(participantOf),
    timeslotId: row.timeslot_id,
  };
}

export const participantIds = (plan: Plan): string[] => plan.participants.map((p) => p.user_id);

export const inviteeIds = (plan: Plan): string[] =>
  plan.participants.filter((p) => p.role === 'invitee').map((p) => p.user_id);

/** The organizer plus the invitees who accepted. */
export const partySizeOf = (plan: Plan): number =>
  plan.participants.filter((p) => p.status === 'accepted').length;
