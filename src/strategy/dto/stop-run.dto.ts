import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';

/** POST /strategies/runs/:id/stop: what to do with the run's orders and position as it stops. */
export class StopRunDto {
  @ApiPropertyOptional({ default: false, description: "Cancel the run's open orders" })
  @IsOmittable()
  @IsBoolean({ message: 'cancelOrders must be true or false' })
  cancelOrders?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: "Close the run's position with a market order (its open orders are cancelled first)",
  })
  @IsOmittable()
  @IsBoolean({ message: 'flatten must be true or false' })
  flatten?: boolean;
}
