import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { ListResult } from '../list/list-result';

@Injectable()
export class ListInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value) => {
        if (!(value instanceof ListResult)) return value;
        context.switchToHttp().getResponse<Response>().setHeader('Content-Range', value.contentRange);
        return value.data;
      }),
    );
  }
}
