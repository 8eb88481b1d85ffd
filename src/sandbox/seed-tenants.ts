/** Seeded tenants: details, organizations and stores (deterministic). */
import type { Schemas, Tenant } from './model.ts';
import { randomInt, type Random } from './prng.ts';

export const TENANT_UIDS = { alpha: 'tenant-alpha', beta: 'tenant-beta', gamma: 'tenant-gamma' } as const;

const BASE_TIME = Date.UTC(2024, 0, 2, 8, 0, 0);
const MINUTE = 60_000;
/** Fixed seed timestamp, `minutes` after 2024-01-02T08:00Z. */
export const iso = (minutes: number) => new Date(BASE_TIME + minutes * MINUTE).toISOString();

export interface TenantSeed {
  key: 'alpha' | 'beta' | 'gamma';
  name: string;
  countryCode: string;
  vatNumber: string;
  languageCode: string;
  timezone: string;
  phonePrefix: string;
  pricelistUid: string;
  userCount: number;
  currency: Schemas['TenantCurrencySchema'];
  requiredCustomerFields: Schemas['CustomerRequiredFieldENUM'][];
  extensions: [Schemas['ExtensionCodeENUM'], string, boolean][];
  organizations: [slug: string, name: string, stores: [slug: string, name: string][]][];
}

export const TENANT_SEEDS: TenantSeed[] = [
  {
    key: 'alpha',
    name: 'Alpha Sport AS',
    countryCode: 'NO',
    vatNumber: 'NO912345678MVA',
    languageCode: 'nb',
    timezone: 'Europe/Oslo',
    phonePrefix: '+47 9',
    pricelistUid: 'alpha-pricelist-main',
    userCount: 64,
    currency: {
      code: 'NOK',
      name: 'Norwegian krone',
      symbol: 'kr',
      symbolPosition: 'suffix',
      decimalSeparator: ',',
      thousandSeparator: ' ',
      cashRounding: 1,
    },
    requiredCustomerFields: ['email', 'mobile'],
    extensions: [
      ['VIPPS', 'Vipps', true],
      ['ADYEN_POS', 'Adyen terminals', true],
      ['SMS', 'SMS notifications', false],
      ['LOYALTY_POINTS', 'Loyalty points', true],
    ],
    organizations: [
      [
        'oslo',
        'Oslo region',
        [
          ['oslo-city', 'Oslo City'],
          ['oslo-storo', 'Oslo Storo'],
        ],
      ],
      ['bergen', 'Bergen region', [['bergen-sentrum', 'Bergen Sentrum']]],
      ['online', 'Online', [['web', 'Webshop']]],
    ],
  },
  {
    key: 'beta',
    name: 'Beta Books AB',
    countryCode: 'SE',
    vatNumber: 'SE556677889901',
    languageCode: 'sv',
    timezone: 'Europe/Stockholm',
    phonePrefix: '+46 70',
    pricelistUid: '',
    userCount: 55,
    currency: {
      code: 'SEK',
      name: 'Swedish krona',
      symbol: 'kr',
      symbolPosition: 'suffix',
      decimalSeparator: ',',
      thousandSeparator: ' ',
      cashRounding: 1,
    },
    requiredCustomerFields: ['email'],
    extensions: [
      ['SWISH', 'Swish', true],
      ['KLAVIYO', 'Klaviyo', false],
      ['STORE_CREDIT', 'Store credit', true],
    ],
    organizations: [
      [
        'stockholm',
        'Stockholm',
        [
          ['sodermalm', 'Södermalm'],
          ['kungsholmen', 'Kungsholmen'],
        ],
      ],
      ['goteborg', 'Göteborg', [['avenyn', 'Avenyn']]],
    ],
  },
  {
    key: 'gamma',
    name: 'Gamma Garden ApS',
    countryCode: 'DK',
    vatNumber: 'DK12345678',
    languageCode: 'da',
    timezone: 'Europe/Copenhagen',
    phonePrefix: '+45 2',
    pricelistUid: 'gamma-pricelist-2024',
    userCount: 52,
    currency: {
      code: 'DKK',
      name: 'Danish krone',
      symbol: 'kr.',
      symbolPosition: 'prefix',
      decimalSeparator: ',',
      thousandSeparator: '.',
      cashRounding: 50,
    },
    requiredCustomerFields: [],
    extensions: [
      ['DINTERO', 'Dintero checkout', true],
      ['NETS', 'Nets terminals', true],
      ['CAMPAIGN', 'Campaigns', false],
    ],
    organizations: [
      [
        'kobenhavn',
        'København',
        [
          ['norrebro', 'Nørrebro'],
          ['vesterbro', 'Vesterbro'],
        ],
      ],
      ['aarhus', 'Aarhus', [['aarhus-c', 'Aarhus C']]],
    ],
  },
];

export const ASSET_BASE_URL = 'https://assets.sandbox.flowretail.test';
export const assetUrl = (assetUid: string) => `${ASSET_BASE_URL}/${assetUid}.png`;

export function buildTenant(s: TenantSeed, index: number, random: Random): Tenant {
  const uid = TENANT_UIDS[s.key];
  const createdAt = iso(index * 1440);
  const data: Schemas['TenantResponseSchema'] = {
    tenantUid: uid,
    name: s.name,
    countryCode: s.countryCode,
    vatNumber: s.vatNumber,
    pricelistUid: s.pricelistUid,
    createdAt,
    lastModifiedAt: iso(index * 1440 + 90 * 1440),
    timezone: s.timezone,
    languageCode: s.languageCode,
    currency: s.currency,
    settings: {
      allowExternalCashDrawer: index === 1,
      autoLogout: [0, 300, 900][index],
      autoPrintReceipt: index !== 2,
      numericSkuCounter: 100000 + randomInt(random, 0, 5000),
      printCardPaymentDetails: true,
      sendInvoicesExternally: index === 0,
      duplicateCheckCustomerPhoneNumber: true,
      duplicateCheckCustomerVatNumber: index !== 1,
      useOriginalSellerOnCreditLine: false,
      defaultCustomerGroupUid: index === 0 ? 'alpha-customergroup-retail' : '',
      printReceiptNumber: true,
      defaultParkedOrderLifespanDays: 14,
      autoSendWelcomeSms: false,
      autoSendWelcomeMail: index === 0,
      requirePinCodeForSale: false,
      requirePinCodeForCredit: index !== 2,
      requiredCustomerFields: [...s.requiredCustomerFields],
      enforceStrongPin: index === 0,
      customerContactsRequiresEmail: false,
      customerContactsEmailDuplicateCheck: index === 2,
    },
    appSettings: {
      showOutOfStockWarning: true,
      defaultParkedOrderLifespanDays: 14,
      requirePinCodeForSale: false,
      requirePinCodeForCredit: index !== 2,
      autoSendWelcomeSms: false,
      autoSendWelcomeMail: index === 0,
      defaultCustomerGroupUid: index === 0 ? 'alpha-customergroup-retail' : '',
    },
    extensions: s.extensions.map(([extensionCode, name, active], i) => ({
      extensionCode,
      name,
      active,
      tenantExtensionUid: `${s.key}-ext-${i + 1}`,
    })),
    assets: {
      logo: { assetUid: `${s.key}-logo`, url: assetUrl(`${s.key}-logo`) },
      splash: { assetUid: `${s.key}-splash`, url: assetUrl(`${s.key}-splash`) },
    },
  };
  const tenant: Tenant = { data, organizations: new Map(), stores: new Map(), users: new Map(), cache: {} };
  for (const [orgSlug, orgName, stores] of s.organizations) {
    const organizationUid = `${s.key}-org-${orgSlug}`;
    tenant.organizations.set(organizationUid, { organizationUid, name: orgName });
    for (const [storeSlug, storeName] of stores) {
      const storeUid = `${s.key}-store-${storeSlug}`;
      tenant.stores.set(storeUid, { storeUid, name: storeName, organizationUid });
    }
  }
  return tenant;
}
