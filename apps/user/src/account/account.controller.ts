import { Controller, Delete, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { AccountService } from './account.service';

@ApiTags('users')
@ActiveUserApi()
@Controller('users/me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the caller’s account and everything of it' })
  @ApiNoContentResponse({ description: 'deleted; login fails from now on' })
  async delete(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.account.delete(caller.id);
  }
}
