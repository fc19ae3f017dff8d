import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Envelope, UserDeletedData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { AccountDeletionService } from './account-deletion.service';

@Controller()
export class UserDeletedConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @EventPattern(TOPICS.USER_DELETED)
  async onUserDeleted(@Payload() event: Envelope<UserDeletedData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.deletion.apply(tx, event.data, event.aggregateVersion),
    );
  }
}
