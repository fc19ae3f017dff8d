import type { DeadLetterStatus } from '@rendezvous/contracts';

/** A dead letter as the list shows it (API.md, Operations). */
export interface DeadLetterItem {
  id: string;
  topic: string;
  originalTopic: string;
  consumerGroup: string | null;
  error: string | null;
  failedAt: string;
  key: string | null;
  eventId: string | null;
  eventType: string | null;
  status: DeadLetterStatus;
}

/** What the gateway keeps of one DLQ message: the item plus the message itself, verbatim. */
export interface DeadLetterRecord extends Omit<DeadLetterItem, 'status'> {
  value: string;
  headers: Record<string, string>;
}

export interface DeadLetterFilters {
  topic?: string;
  consumerGroup?: string;
  status?: DeadLetterStatus;
}
