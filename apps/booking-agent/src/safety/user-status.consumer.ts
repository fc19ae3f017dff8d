import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Envelope, UserStatusData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { AccountStandingService } from './account-standing.service';

@Controller()
export class UserStatusConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly standing: AccountStandingService,
  ) {}

  @EventPattern(TOPICS.USER_STATUS_CHANGED)
  async onUserStatusChanged(@Payload() event: Envelope<UserStatusData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.standing.apply(tx, event.data, event.aggregateVersion),
    );
  }
}
