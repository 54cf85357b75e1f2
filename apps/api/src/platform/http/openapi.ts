import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI document built from the routes' zod schemas, browsable at `/api/docs`. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Jalon API',
        version,
        description:
          'API of Jalon. Errors use the body `{"errors":[{"status","code","detail","source":{"pointer"},"meta"}]}` with stable codes. ' +
          'Writes with a session cookie need the `x-csrf-token` header (value of the `jalon_csrf` cookie).',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
}
