import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser, Public } from '@rendezvous/platform';
import { ApiJsonBody } from '../common/api-json-body';
import { ApiAccountSuspendedResponse } from './account-suspended.response';
import { AuthResult } from './auth-result';
import { AuthService } from './auth.service';
import { LoginDto, RefreshTokenDto, SignupDto } from './dto/auth.dto';

const EXAMPLE_CREDENTIALS = { email: 'ada@example.com', password: 'correct horse battery' };
const EXAMPLE_REFRESH = { refreshToken: 'the refreshToken of the last signup, login or refresh' };

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create an account; returns the user and a token pair' })
  @ApiJsonBody(SignupDto, { ...EXAMPLE_CREDENTIALS, name: 'Ada Lovelace' })
  @ApiCreatedResponse({ type: AuthResult, description: 'the new user and a token pair' })
  @ApiResponse({ status: 409, description: 'email taken (AUTH.EMAIL_TAKEN)' })
  signup(@Body() body: SignupDto): Promise<AuthResult> {
    return this.auth.signup(body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiJsonBody(LoginDto, EXAMPLE_CREDENTIALS)
  @ApiOkResponse({ type: AuthResult, description: 'the user and a token pair' })
  @ApiResponse({
    status: 401,
    description: 'wrong email or password, same detail for both (AUTH.INVALID_CREDENTIALS)',
  })
  @ApiAccountSuspendedResponse('after a correct password')
  @ApiResponse({
    status: 429,
    description:
      'too many failed logins for this email, or the gateway’s limits (AUTH.TOO_MANY_FAILED_LOGINS); Retry-After',
  })
  login(@Body() body: LoginDto): Promise<AuthResult> {
    return this.auth.login(body);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (rotation)' })
  @ApiJsonBody(RefreshTokenDto, EXAMPLE_REFRESH)
  @ApiOkResponse({ type: AuthResult, description: 'the user and a new token pair' })
  @ApiResponse({
    status: 401,
    description:
      'invalid or expired (AUTH.INVALID_REFRESH_TOKEN); a reused token revokes its whole family (AUTH.REFRESH_TOKEN_REUSED)',
  })
  @ApiAccountSuspendedResponse('the token’s owner is suspended or banned')
  refresh(@Body() body: RefreshTokenDto): Promise<AuthResult> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke the refresh token's family (idempotent)" })
  @ApiJsonBody(RefreshTokenDto, EXAMPLE_REFRESH)
  @ApiNoContentResponse({ description: 'logged out' })
  async logout(@CurrentUser() user: AuthUser, @Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(user.id, body.refreshToken);
  }
}
