import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The environment variables Edgerunner reads, with their defaults. */
export class EnvironmentVariables {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsString()
  EDGERUNNER_DATA_DIR = './data';

  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'EDGERUNNER_API_KEY must be at least 24 characters' })
  EDGERUNNER_API_KEY?: string;

  /** The secret API keys are hashed with; replicas on one database must share it. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'EDGERUNNER_KEY_PEPPER must be at least 32 characters' })
  EDGERUNNER_KEY_PEPPER?: string;

  /** A file holding the pepper instead (a mounted secret). */
  @IsOptional()
  @IsString()
  EDGERUNNER_KEY_PEPPER_FILE?: string;

  /** Encrypts the broker credentials stored over the API; required in production, shared by replicas. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'EDGERUNNER_MASTER_KEY must be at least 32 characters' })
  EDGERUNNER_MASTER_KEY?: string;

  /** A file holding the master key instead (a mounted secret). */
  @IsOptional()
  @IsString()
  EDGERUNNER_MASTER_KEY_FILE?: string;

  @IsOptional()
  @IsString()
  EDGERUNNER_CONFIG?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /**
   * Whether this API server also runs the backtest jobs it queues. `false` leaves them to backtest worker
   * processes (dist/src/worker.js) on the same Redis queue; it needs REDIS_URL.
   */
  @IsIn(['true', 'false'], { message: 'EDGERUNNER_BACKTEST_WORKER must be true or false' })
  EDGERUNNER_BACKTEST_WORKER: 'true' | 'false' = 'true';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';
}
