import { Module } from '@nestjs/common';
import { HeadlessStreamNamespace } from './headless-stream-namespace.js';
import { ServerWideStreamsModule } from './server-wide-streams.module.js';

/** The server-wide channels broadcast from a process without sockets, through Redis to the API servers. */
@Module({
  imports: [ServerWideStreamsModule],
  providers: [HeadlessStreamNamespace],
})
export class HeadlessStreamModule {}
