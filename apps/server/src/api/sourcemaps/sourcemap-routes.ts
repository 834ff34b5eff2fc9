import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { artifactAssembleRoutes } from './artifact-assemble-routes.ts';
import { chunkUploadRoutes } from './chunk-upload-routes.ts';
import { releaseFileRoutes } from './release-file-routes.ts';
import { DEFAULT_UPLOAD_LIMITS } from './upload-limits.ts';
import type { UploadLimits } from './upload-limits.ts';

/** Everything `sentry-cli sourcemaps upload` (and the legacy release-file path) talks to. */
export function sourceMapRoutes(
  services: ApiServices,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): AnyRouteSpec[] {
  return [
    ...chunkUploadRoutes(services, limits),
    ...artifactAssembleRoutes(services, limits),
    ...releaseFileRoutes(services, limits),
  ];
}
