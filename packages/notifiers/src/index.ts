export { type NotifierOptions, type UrlGuard, DEFAULT_NOTIFIER_TIMEOUT_MS } from './notifier-options.ts';
export { SlackNotifier } from './slack/slack-notifier.ts';
export { buildSlackMessage, KNOW_MORE_ACTION_ID, type SlackMessage } from './slack/slack-message.ts';
export { verifySlackSignature, type SlackSignatureCheck } from './slack/verify-slack-signature.ts';
export {
  parseSlackInteraction,
  type SlackInteractionParse,
  type SlackKnowMoreClick,
} from './slack/slack-interaction.ts';
export { TelegramNotifier } from './telegram/telegram-notifier.ts';
export { TelegramBotApi, type BotApiResult } from './telegram/telegram-bot-api.ts';
export {
  parseTelegramCommand,
  telegramHelpText,
  TELEGRAM_USAGE,
  type TelegramCommand,
  type TelegramCommandParse,
} from './telegram/telegram-command.ts';
export {
  dispatchTelegramUpdate,
  isTelegramChatAllowed,
  type TelegramDispatch,
} from './telegram/telegram-update.ts';
export { EmailNotifier } from './email/email-notifier.ts';
export { renderAlertEmail } from './email/alert-email.ts';
export { renderDailySummaryEmail } from './email/daily-summary-email.ts';
export { renderWeeklyReportEmail } from './email/weekly-report-email.ts';
export type { RenderedEmail } from './email/email-layout.ts';
export { DiscordNotifier } from './discord/discord-notifier.ts';
export { WebhookNotifier } from './webhook/webhook-notifier.ts';
export { buildSentryWebhookPayload, type SentryWebhookPayload } from './webhook/sentry-webhook-payload.ts';
export { signWebhookBody } from './webhook/sign-webhook-body.ts';
export { PagerDutyNotifier } from './pagerduty/pagerduty-notifier.ts';
export { pagerDutyDedupKey } from './pagerduty/pagerduty-event.ts';
export * from './registry/channel-config-schemas.ts';
export * from './registry/channel-secrets.ts';
export * from './registry/alert-rule-schema.ts';
export * from './registry/notifier-registry.ts';
export * from './delivery/deliver-with-retry.ts';
export {
  checkOutgoingUrl,
  type OutgoingUrlPolicy,
  type UrlCheckResult,
} from './security/check-outgoing-url.ts';
export { blockedAddressReason } from './security/blocked-address.ts';
export { SecretBox } from './security/secret-box.ts';
