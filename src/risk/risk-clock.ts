import { Inject } from '@nestjs/common';

/** Epoch milliseconds; injected so that specs can move the UTC day. */
export type RiskClock = () => number;

export const RISK_CLOCK = Symbol('RISK_CLOCK');

/** Injects the {@link RiskClock}. */
export const InjectRiskClock = (): ParameterDecorator => Inject(RISK_CLOCK);
