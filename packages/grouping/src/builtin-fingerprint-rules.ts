/**
 * Sentry's built-in JavaScript fingerprint rules (fingerprinting/configs/javascript@2024-02-02):
 * chunk-load failures group together, and React hydration errors group per transaction.
 */
const HYDRATION_MESSAGES = [
  'Hydration failed because the initial UI does not match what was rendered on the server.',
  'The server could not finish this Suspense boundary, likely due to an error during server rendering. Switched to client rendering.',
  'There was an error while hydrating this Suspense boundary. Switched to client rendering.',
  'There was an error while hydrating. Because the error happened outside of a Suspense boundary, the entire root will switch to client rendering.',
  'Text content does not match server-rendered HTML.',
];

export const BUILTIN_FINGERPRINT_RULES: string = [
  'family:javascript error.type:"ChunkLoadError" -> chunkloaderror',
  'family:javascript error.value:"ChunkLoadError*" -> chunkloaderror',
  ...HYDRATION_MESSAGES.map(
    (message) =>
      `family:javascript tags.transaction:"*" message:"${message}" -> hydrationerror, {{tags.transaction}}`,
  ),
].join('\n');
