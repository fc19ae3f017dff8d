import { Injectable } from '@nestjs/common';
import { DomainError, USER_ERRORS } from '@rendezvous/contracts';
import { DataSource } from 'typeorm';
import type { UpdatePreferencesDto } from './dto/update-preferences.dto';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import { preferencesFrom } from './preferences';
import { applyProfilePatch } from './profile';
import { isSuspendedNow } from './standing';
import type { PublicProfile } from '@rendezvous/platform';
import type { UserObject } from './user-object';
import { toPublicProfile, toUserObject } from './user-record';
import { BlocksRepository } from '../blocks/blocks.repository';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly blocks: BlocksRepository,
  ) {}

  async me(userId: string): Promise<UserObject> {
    const user = await this.users.findActive(this.dataSource.manager, userId);
    if (!user) throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    return toUserObject(user);
  }

  async updateProfile(userId: string, dto: UpdateProfileDto): Promise<UserObject> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.users.lockActive(tx, userId);
      const { name, ...patch } = dto;
      const profile = applyProfilePatch(user.profile, patch);
      const nameChanged = name !== undefined && name !== user.name;
      if (!nameChanged && JSON.stringify(profile) === JSON.stringify(user.profile)) {
        return toUserObject(user);
      }
      return toUserObject(await this.users.update(tx, userId, { name, profile }));
    });
  }

  async replacePreferences(userId: string, dto: UpdatePreferencesDto): Promise<UserObject> {
    return this.dataSource.transaction(async (tx) => {
      await this.users.lockActive(tx, userId);
      const preferences = preferencesFrom({ ...dto });
      return toUserObject(await this.users.update(tx, userId, { preferences }));
    });
  }

  /** Someone's public profile; hidden (404) when they blocked the caller or are suspended. */
  async publicProfile(callerId: string, userId: string): Promise<PublicProfile> {
    const user = await this.users.findActive(this.dataSource.manager, userId);
    const blocked = await this.blocks.hasBlocked(this.dataSource, userId, callerId);
    if (!user || blocked || isSuspendedNow(user))
      throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
    return toPublicProfile(user);
  }
}
