import { ApiProperty } from '@nestjs/swagger';

/** The envelope of every response; each route narrows `data`. */
export class BaseResponse {
  @ApiProperty({ enum: ['success', 'error'], example: 'success' })
  status!: 'success' | 'error';

  @ApiProperty({
    description: 'The payload; on errors, details such as the fields that failed or the broker code',
    nullable: true,
  })
  data!: unknown;

  @ApiProperty({ example: 'OK' })
  message!: string;
}
