/** How one strategy parameter is typed, defaulted and bounded; shown as is in GET /strategies and Swagger. */
export type ParameterSpec =
  | {
      readonly type: 'integer' | 'number';
      readonly default: number;
      readonly min?: number;
      readonly max?: number;
      readonly description: string;
    }
  | { readonly type: 'boolean'; readonly default: boolean; readonly description: string }
  | {
      readonly type: 'enum';
      readonly default: string;
      readonly values: readonly string[];
      readonly description: string;
    };

export type ParameterSchema = Readonly<Record<string, ParameterSpec>>;

type ValueOf<S extends ParameterSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'enum' }
    ? string
    : number;

export type ParameterValues<S extends ParameterSchema = ParameterSchema> = {
  readonly [K in keyof S]: ValueOf<S[K]>;
};
