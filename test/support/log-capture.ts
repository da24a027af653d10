import { Module, type DynamicModule } from '@nestjs/common';
import { LOG_DESTINATION } from '../../src/common/logging/log-destination.js';

/**
 * Every line the app logs, kept in memory. nestjs-pino builds one logger per process (a test file) and
 * keeps the first app's destination and level: give every app of a file the same capture.
 */
export class LogCapture {
  private readonly chunks: string[] = [];

  /** pino's destination interface. */
  write(chunk: string): void {
    this.chunks.push(chunk);
  }

  text(): string {
    return this.chunks.join('');
  }

  /** The JSON log lines, parsed. */
  entries(): Record<string, unknown>[] {
    return this.text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The `msg` of each line, for assertions on what an operator reads. */
  messages(): string[] {
    return this.entries().map((entry) => String(entry.msg));
  }
}

@Module({})
class CapturedLogsModule {}

/** Provides the app's LOG_DESTINATION: a global module added to the app's imports. */
export function capturedLogsModule(capture: LogCapture): DynamicModule {
  return {
    module: CapturedLogsModule,
    global: true,
    providers: [{ provide: LOG_DESTINATION, useValue: capture }],
    exports: [LOG_DESTINATION],
  };
}
