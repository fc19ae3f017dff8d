import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser, Public } from '@rendezvous/platform';
import type { AuthResult } from './auth.service';
import { AuthService } from './auth.service';
import { LoginDto, RefreshTokenDto, SignupDto } from './dto/auth.dto';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create an account; returns the user and a token pair' })
  @ApiResponse({ status: 201, description: '{ user, accessToken, refreshToken, expiresIn }' })
  @ApiResponse({ status: 400, description: 'invalid fields' })
  @ApiResponse({ status: 409, description: 'email taken (AUTH.EMAIL_TAKEN)' })
  signup(@Body() body: SignupDto): Promise<AuthResult> {
    return this.auth.signup(body);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiResponse({ status: 200, description: '{ user, accessToken, refreshToken, expiresIn }' })
  @ApiResponse({ status: 401, description: 'wrong email or password (same detail for both)' })
  @ApiResponse({ status: 429, description: 'too many failed logins for this email; Retry-After' })
  login(@Body() body: LoginDto): Promise<AuthResult> {
    return this.auth.login(body);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (rotation)' })
  @ApiResponse({ status: 200, description: '{ user, accessToken, refreshToken, expiresIn }' })
  @ApiResponse({
    status: 401,
    description: 'invalid or expired; a reused token revokes its whole family',
  })
  refresh(@Body() body: RefreshTokenDto): Promise<AuthResult> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Revoke the refresh token's family (idempotent)" })
  @ApiResponse({ status: 204, description: 'logged out' })
  @ApiResponse({ status: 401, description: 'missing or invalid access token' })
  async logout(@CurrentUser() user: AuthUser, @Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(user.id, body.refreshToken);
  }
}
