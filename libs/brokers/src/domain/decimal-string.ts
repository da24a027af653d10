/**
 * A decimal number carried as its canonical string ("0.015", "-12.5").
 * Money, prices and quantities travel as strings so no float rounding ever touches them.
 */
export type DecimalString = string;
