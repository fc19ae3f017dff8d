import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import { newTraceId, runWithTrace } from './trace-context';

/** Runs each HTTP handler inside the request's trace context (its id was set by Fastify). */
@Injectable()
export class TraceInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{ id?: string }>();
    const traceId = typeof request.id === 'string' ? request.id : newTraceId();
    return new Observable((subscriber) =>
      runWithTrace({ traceId, correlationId: traceId }, () => next.handle().subscribe(subscriber)),
    );
  }
}
