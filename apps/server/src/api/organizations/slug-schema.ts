import { SLUG_PATTERN } from '@fixloop/core';
import { z } from 'zod';

/** Slugs of organizations, projects and teams, with Sentry's rule. */
export const slugSchema = z
  .string()
  .trim()
  .regex(SLUG_PATTERN, 'must be lowercase letters, digits, "-" or "_", not only digits, at most 50');
