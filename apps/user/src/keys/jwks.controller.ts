import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@rendezvous/platform';
import { Jwks } from './jwks';
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
  @ApiOkResponse({ type: Jwks, description: 'the JWK Set' })
  jwks(): Jwks {
    return this.keys.jwks();
  }
}
