import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@rendezvous/platform';
import { SigningKeys } from './signing-keys';

@ApiTags('identity')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Public()
  @Get('jwks.json')
  // Short, so a rotated key reaches verifiers soon; they also refetch on an unknown kid.
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The public keys that verify access tokens (JWKS)' })
  @ApiResponse({ status: 200, description: '{ keys: [{ kty, crv, x, y, kid, alg, use }] }' })
  jwks() {
    return this.keys.jwks();
  }
}
