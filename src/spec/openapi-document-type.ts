/**
 * The loose shape of an OpenAPI 3.1 document, as far as this kit reads it. The document itself is
 * validated by Spectral and Redocly; this type only keeps `any` out of the code that walks it.
 */
export interface OpenAPIV3_1Document {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, unknown>;
    responses?: Record<string, unknown> | undefined;
    parameters?: Record<string, unknown> | undefined;
    examples?: Record<string, unknown> | undefined;
    securitySchemes?: Record<string, unknown> | undefined;
  };
  [key: string]: unknown;
}
