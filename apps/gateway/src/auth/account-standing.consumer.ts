import { Controller } from '@nestjs/common';
import type { TopicEnvelope } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { OnEvent } from '@rendezvous/platform';
import { NotificationsSocket } from '../realtime/notifications.socket';
import { AccountStandings, standingOf } from './account-standings';

/**
 * Suspensions, bans and role changes: the newest standing is kept (refusing tokens from then
 * on), then the person's connections follow it. A redelivery of the newest standing acts on
 * the connections again, so a crash between the two loses nothing.
 */
@Controller()
export class AccountStandingConsumer {
  constructor(
    private readonly standings: AccountStandings,
    private readonly socket: NotificationsSocket,
  ) {}

  @OnEvent(TOPICS.USER_STATUS_CHANGED)
  async onStatusChanged(envelope: TopicEnvelope<'user.status_changed'>): Promise<void> {
    if (!(await this.standings.apply(envelope))) return;
    this.socket.applyStanding(envelope.data.userId, standingOf(envelope.data));
  }
}
