import { OPERATIONS, type OperationId } from '../spec/operations.ts';

/** Descriptions used by more than one field or argument, each written once (the spec's own words where it has them). */
export const DOCS = {
  tenantUid: 'Reference to a tenant.',
  tenantUserUid: 'Reference to a tenant user.',
  languageCode: 'ISO 639-1 code for language',
  displayName: 'The name shown for the user.',
  firstname: 'First name.',
  lastname: 'Last name.',
  mobile: 'Mobile phone number.',
  changes: 'The changes to make.',
  userCode: 'The code the user logs in with.',
  tenantName: 'Name of the tenant.',
  page: 'Reference to a specific page in a result set (1-based).',
  pageSize: 'The number of items per page in a result set.',
  storeUid: 'Reference to the store.',
  accountType: 'The kind of account.',
  tenantRole: "The user's role in the tenant.",
  email: 'Email address.',
  externalId: "The user's id in an external system.",
  exactMatch: 'Exact match search.',
  allowExternalCashDrawer: 'Whether an external cash drawer may be used.',
  autoLogout: 'time in seconds, 0 means not enabled',
  autoPrintReceipt: 'Whether receipts print automatically after a sale.',
  numericSkuCounter: 'The counter numeric SKUs are generated from.',
  printCardPaymentDetails: 'toogle on/off payment terminal details on receipt',
  sendInvoicesExternally: 'Whether invoices are sent through an external system.',
  duplicateCheckCustomerPhoneNumber: 'For PERSON customers: Check for unique phone number and email if true',
  duplicateCheckCustomerVatNumber: 'For COMPANY customers: Check for unique vat number if true',
  useOriginalSellerOnCreditLine: 'toogle on/off if the original seller should be used in a existing referenced order',
  printReceiptNumber: 'Whether the receipt number is printed on receipts.',
  enforceStrongPin: "For user's app PIN/password creation",
  customerContactsRequiresEmail: 'Indicate if the customer contacts requires email.',
  customerContactsEmailDuplicateCheck:
    'This will enable duplicate check on email for contacts, so it is not possible to have two contacts with the same email.',
  showOutOfStockWarning: 'Whether the app warns when a product is out of stock.',
  defaultParkedOrderLifespanDays: 'Default lifespan in days for parked orders before expiration',
  requirePinCodeForSale: 'Turn on/off PIN requirement for sale',
  requirePinCodeForCredit: 'Turn on/off PIN requirement for credit',
  autoSendWelcomeSms: 'Whether new customers automatically get a welcome SMS.',
  autoSendWelcomeMail: 'Whether new customers automatically get a welcome email.',
  vatNumber: 'VAT identification number for value added tax reporting purposes.',
  timezone: 'The timezone in tz/zoneinfo format. Example: Europe/Oslo',
  paging: 'Where this page sits in the result set.',
  sortBy: 'Defines which field the resource list is sorted by.',
  sortDirection: 'Reference to a sort direction',
  storeRole: "The user's role in the store.",
  password: "The user's password.",
  defaultStoreUid: "Reference to the user's default store.",
  newPassword: 'A new password.',
  inviteToken: 'The token from the invitation.',
  tenantUserTokenUid: 'Reference to an integration token of a tenant user.',
} as const;

/** The `...Raw` twin of an enum field: the value exactly as the upstream sent it. */
export function rawDescription(field: string): string {
  return `\`${field}\` exactly as the upstream sent it: the way to see a value the gateway shows as UNKNOWN.`;
}

/**
 * The description of a field backed by one REST operation: what it does, then the REST call, the
 * permission the docs say it needs and the tokens it accepts, all read from the spec so that they
 * cannot drift from it.
 */
export function restDoc(operationId: OperationId, what: string): string {
  const op = OPERATIONS[operationId];
  const kinds = op.security ? [...op.security] : [];
  const tokens = kinds.length > 0 ? `Accepts ${orList(kinds)} tokens.` : 'Needs no bearer token.';
  const permission = op.requiredPermissions.length > 0 ? ` Requires the ${op.requiredPermissions.join(' and ')} permission.` : '';
  return `${what}\n\n${op.method} ${op.path}.${permission} ${tokens}`;
}

function orList(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
