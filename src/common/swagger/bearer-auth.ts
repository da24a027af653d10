/** The name of the API key security scheme: declared by the Swagger setup, required by the auth decorators. */
export const BEARER_AUTH = 'api-key';
