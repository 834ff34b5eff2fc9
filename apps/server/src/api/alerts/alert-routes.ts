import type { Alerting } from '../../alerts/start-alerting.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { alertChannelRoutes } from './alert-channel-routes.ts';
import { alertDeliveryRoutes } from './alert-delivery-routes.ts';
import { alertRuleRoutes } from './alert-rule-routes.ts';
import { telegramWebhookSetupRoutes } from './telegram-webhook-setup-route.ts';

/** Alerting's Web API: channels, rules, the delivery log, and the Slack/Telegram integration endpoints. */
export function alertRoutes(services: ApiServices, alerting: Alerting): AnyRouteSpec[] {
  return [
    ...alertChannelRoutes(services, alerting),
    ...alertRuleRoutes(services),
    ...alertDeliveryRoutes(services),
    ...telegramWebhookSetupRoutes(services, alerting),
    ...alerting.integrationRoutes(),
  ];
}
