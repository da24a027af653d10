/** Request and response header carrying the API version (NestJS header versioning). */
export const API_VERSION_HEADER = 'X-Edgerunner-API-Version';
export const CURRENT_API_VERSION = '1';
export const REQUEST_ID_HEADER = 'X-Request-Id';
