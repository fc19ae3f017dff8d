import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  Envelope,
  UserBlockData,
  UserDeletedData,
  UserStateData,
  UserStatusData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { AccountStatusProjection, BlocksProjection, InboxService } from '@rendezvous/platform';
import { PeopleService } from './people.service';

@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleService,
    private readonly blocks: BlocksProjection,
    private readonly accounts: AccountStatusProjection,
  ) {}

  // Redelivery and out-of-order arrival are normal: state applies only if newer.
  @EventPattern([TOPICS.USER_CREATED, TOPICS.USER_UPDATED])
  async onUserState(@Payload() event: Envelope<UserStateData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.applyState(tx, event.data, event.aggregateVersion),
    );
  }

  @EventPattern(TOPICS.USER_DELETED)
  async onUserDeleted(@Payload() event: Envelope<UserDeletedData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.forget(tx, event.data, event.aggregateVersion),
    );
  }

  // Recommendations read the standing at request time (a timed suspension ends by itself).
  @EventPattern(TOPICS.USER_STATUS_CHANGED)
  async onStatusChanged(@Payload() event: Envelope<UserStatusData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.accounts.applyIfNewer(tx, event.data, event.aggregateVersion),
    );
  }

  @EventPattern([TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED])
  async onBlock(@Payload() event: Envelope<UserBlockData>): Promise<void> {
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.inbox.once(event, (tx) =>
      this.blocks.applyIfNewer(tx, event.data, active, event.aggregateVersion),
    );
  }
}
