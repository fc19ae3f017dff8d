import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@rendezvous/platform';
import { stringify } from 'yaml';
import { asyncApiDocument } from './asyncapi';

@ApiExcludeController()
@Controller('docs')
export class EventsDocsController {
  private readonly document = stringify(asyncApiDocument());

  @Public()
  @Get('events.yaml')
  @Header('content-type', 'application/yaml; charset=utf-8')
  events(): string {
    return this.document;
  }
}
