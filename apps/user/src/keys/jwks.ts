import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_TOKEN_ALG } from './key-material';

/** A published verification key (RFC 7517), `kid` = its RFC 7638 thumbprint. */
export class PublicJwk {
  @ApiProperty({ enum: ['EC'] })
  kty: 'EC';

  @ApiProperty({ enum: ['P-256'] })
  crv: 'P-256';

  @ApiProperty({ description: 'base64url' })
  x: string;

  @ApiProperty({ description: 'base64url' })
  y: string;

  @ApiProperty({ description: 'the `kid` header of the tokens it verifies' })
  kid: string;

  @ApiProperty({ enum: [ACCESS_TOKEN_ALG] })
  alg: typeof ACCESS_TOKEN_ALG;

  @ApiProperty({ enum: ['sig'] })
  use: 'sig';
}

/** The JWK Set verifiers fetch: the current key first, then retired ones still trusted. */
export class Jwks {
  @ApiProperty({ type: [PublicJwk], minItems: 1 })
  keys: PublicJwk[];
}
