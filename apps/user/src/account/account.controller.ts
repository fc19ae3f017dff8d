import { Controller, Delete, HttpCode, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { ActiveUserGuard } from '../common/active-user.guard';
import { AccountService } from './account.service';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(ActiveUserGuard)
@Controller('users/me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the caller’s account and everything of it' })
  @ApiResponse({ status: 204, description: 'deleted; login fails from now on' })
  @ApiResponse({ status: 401, description: 'missing or invalid token, or already deleted' })
  async delete(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.account.delete(caller.id);
  }
}
