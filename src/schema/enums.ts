import { builder } from './builder.ts';
import { UNKNOWN } from '../resolvers/enums.ts';

/** Value descriptions come from the spec's ENUM tables where it has one. */

/** Every REST-fed enum has it: the upstream is ahead of its docs and its enums grow. */
const unknownValue = {
  [UNKNOWN]: {
    description:
      "A value the upstream sent that this gateway does not know yet (the field's `...Raw` twin has it as sent). Output only: refused as an input with BAD_USER_INPUT.",
  },
} as const;

export const AccountType = builder.enumType('AccountType', {
  description: 'The kind of account a tenant user has (REST TenantAccountTypeENUM).',
  values: {
    FULL: { description: 'Access to backoffice and onboarding of new devices' },
    REGULAR: { description: 'Can only login to already onboarded devices' },
    SUPPORT: { description: 'Support account' },
    INTEGRATION: { description: 'Computer integration account' },
    ...unknownValue,
  } as const,
});

export const TenantRole = builder.enumType('TenantRole', {
  description: "A tenant user's role in the tenant (REST TenantRoleENUM).",
  values: {
    ACCESS: { description: 'Only access to the tenant.' },
    ADMIN: { description: 'Tenant admin, allow full access to tenant and can add users and new stores.' },
    BACKOFFICE: { description: 'Access to product, pricelists, etc.' },
    BLOCKED: { description: 'Blocked from this tenant' },
    ...unknownValue,
  } as const,
});

export const StoreRole = builder.enumType('StoreRole', {
  description: "A tenant user's role in one store (REST StoreRoleENUM).",
  values: {
    ADMIN: { description: 'Store admin.' },
    BACKOFFICE: { description: 'Access to all backoffice functionality (price changes, purhcase order, etc)' },
    REGULAR: { description: 'Access to app funtionality (product lookup, create sales, delivery)' },
    ...unknownValue,
  } as const,
});

export const TenantUserStatus = builder.enumType('TenantUserStatus', {
  description: "Where a tenant user's account stands (REST TenantUserStatusENUM).",
  values: {
    PENDING_INVITE: { description: 'Invited; the invitation has not been accepted yet.' },
    ACTIVE: { description: 'Active user.' },
    INACTIVE: { description: 'Deactivated user.' },
    ...unknownValue,
  } as const,
});

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Sort direction of a list (REST SortDirectionENUM).',
  values: {
    ASC: { description: 'Sort in ascending order' },
    DESC: { description: 'Sort in descending order' },
  } as const,
});

export const CustomerRequiredField = builder.enumType('CustomerRequiredField', {
  description:
    'A customer field the tenant requires when customers are registered (REST CustomerRequiredFieldENUM, which REST spells in lower camel case: email, mobile, vatNumber, postalCode, city, address).',
  values: {
    EMAIL: { description: 'Email address (REST `email`).' },
    MOBILE: { description: 'Mobile phone number (REST `mobile`).' },
    VAT_NUMBER: { description: 'VAT identification number (REST `vatNumber`).' },
    POSTAL_CODE: { description: 'Postal code (REST `postalCode`).' },
    CITY: { description: 'City (REST `city`).' },
    ADDRESS: { description: 'Street address (REST `address`).' },
    ...unknownValue,
  } as const,
});

/** The spec's ExtensionCodeENUM has no descriptions; these say what each integration is. */
const EXTENSION_CODES = {
  FLOWGIFTCARD: 'Flow gift cards.',
  PAYEX_GIFTCARD: 'PayEx gift cards.',
  ADYEN_POS: 'Adyen payment terminals.',
  PAYEX_POS: 'PayEx payment terminals.',
  VIPPS: 'Vipps mobile payments.',
  EXTERNAL_CUSTOMER_SEARCH: 'Customer search in an external system.',
  STORE_CREDIT: 'Store credit.',
  SMS: 'Sending SMS messages.',
  STRIPE: 'Stripe payments.',
  NETS: 'Nets payment terminals.',
  VERIFONE: 'Verifone payment terminals.',
  SERVICE_WORKSHOP: 'Service workshop (repairs).',
  TWO_INVOICE: 'Two invoice payments.',
  OMNIUM: 'Omnium integration.',
  DILLER: 'Diller loyalty program.',
  ARTS: 'ARTS integration.',
  CAMPAIGN: 'Campaigns.',
  B2B: 'Business-to-business sales.',
  PEOPLE_COUNTER_KUNDETELLING: 'Kundetelling people counter.',
  COMPENSATION: 'Compensation.',
  SWISH: 'Swish mobile payments.',
  DINTERO: 'Dintero payments.',
  KID: 'KID (Norwegian customer identification number) payments.',
  EHF: 'EHF electronic invoices.',
  MYPOWER: 'MyPower integration.',
  BRITANNIA: 'Britannia integration.',
  SOFTPAY: 'SoftPay payments.',
  CENTRAL_WAREHOUSE: 'Central warehouse.',
  PROFRAKT: 'Profrakt shipping.',
  LOYALTY_POINTS: 'Loyalty points.',
  SUBSCRIPTION: 'Subscriptions.',
  POWER_DIRECT: 'Power Direct integration.',
  POSTER: 'Poster printing.',
  PAYMENT_GATEWAY: 'Payment gateway.',
  KLAVIYO: 'Klaviyo marketing integration.',
  COMPANY_REGISTRY: 'Company registry lookup.',
  DIGITAL_PRODUCT: 'Digital products.',
} as const;

export const ExtensionCode = builder.enumType('ExtensionCode', {
  description: 'Which extension (integration or add-on) a tenant extension is (REST ExtensionCodeENUM).',
  values: {
    ...(Object.fromEntries(Object.entries(EXTENSION_CODES).map(([code, description]) => [code, { description }])) as {
      [K in keyof typeof EXTENSION_CODES]: { description: string };
    }),
    ...unknownValue,
  },
});

export const CapabilitySource = builder.enumType('CapabilitySource', {
  description: "What a tenant user's capabilities were worked out from (the gateway's own enum; no REST counterpart).",
  values: {
    PERMISSIONS: { description: "The user's tenant-wide permissions." },
    ROLE: { description: "The user's role and status only: the permissions could not be read, or the user is not active." },
  } as const,
});
