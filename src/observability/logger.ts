import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Log lines are built from chosen fields only (never
 * headers, variables or bodies); the redaction list is a second guard for
 * anything that slips into an object by mistake.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'authorization',
          '*.authorization',
          'password',
          '*.password',
          'token',
          '*.token',
          'inviteToken',
          '*.inviteToken',
          'accessToken',
          '*.accessToken',
          'headers',
          '*.headers',
          'variables',
          '*.variables',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
