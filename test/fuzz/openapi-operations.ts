/** The parts of an OpenAPI 3 document the fuzzer reads: every operation, its parameters and its body. */

export interface SchemaObject {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly items?: SchemaObject;
  readonly properties?: Record<string, SchemaObject>;
  readonly required?: readonly string[];
  readonly $ref?: string;
}

export interface OperationParameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly schema?: SchemaObject;
}

export interface FuzzOperation {
  readonly method: string;
  /** As documented: `/orders/{id}`. */
  readonly path: string;
  readonly pathParameters: readonly string[];
  readonly queryParameters: readonly OperationParameter[];
  /** The JSON body's schema, `$ref`s resolved one level; undefined when the route takes no body. */
  readonly body?: SchemaObject;
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: { readonly schemas?: Record<string, SchemaObject> };
}

interface OpenApiOperation {
  readonly parameters?: readonly OperationParameter[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: SchemaObject }> };
}

function resolve(schema: SchemaObject | undefined, document: OpenApiDocument): SchemaObject | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name];
}

/** Every operation of `document`, in document order. */
export function readOperations(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      return {
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParameters: parameters.filter((p) => p.in === 'query'),
        body: resolve(operation.requestBody?.content?.['application/json']?.schema, document),
      };
    }),
  );
}
