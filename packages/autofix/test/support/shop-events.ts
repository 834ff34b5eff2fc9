import { positionOf } from './fix-context-for.ts';
import { MISSING_IMPORT, OPTIONAL_CUSTOMER, shopEvent } from './shop-app.ts';

/** `formatMoney is not defined` in priceLabel(1250). */
export function missingImportEvent(): Record<string, unknown> {
  const at = positionOf(MISSING_IMPORT['src/labels.js'], 'formatMoney');
  return shopEvent('ReferenceError', 'formatMoney is not defined', [
    { path: 'src/labels.js', fn: 'priceLabel', ...at, vars: { cents: 1250 } },
  ]);
}

/** Reading `name` of the missing customer in greeting({ id: 9 }), at `path` (the orders module). */
export function optionalCustomerEvent(path = 'src/orders.js'): Record<string, unknown> {
  const at = positionOf(OPTIONAL_CUSTOMER['src/orders.js'], 'name');
  return shopEvent('TypeError', "Cannot read properties of undefined (reading 'name')", [
    { path, fn: 'greeting', ...at, vars: { order: { id: 9 } } },
  ]);
}
