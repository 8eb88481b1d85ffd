import { builder } from './builder.ts';
import { ONE_CALL, pagedCall } from './cost.ts';
import { CustomerRequiredField, ExtensionCode, SortDirection } from './enums.ts';
import { Paging } from './paging.ts';
import { toPaging, type Page } from '../resolvers/paging.ts';
import type { RestTenant } from '../spec/schemas.ts';
import { emptyToNull } from '../resolvers/mapping.ts';
import { toExtensionCode } from '../resolvers/enums.ts';
import { rawDescription } from './descriptions.ts';
import { tenant, tenants, toGraphCustomerField, updateTenant } from '../resolvers/tenant.ts';

type RestSettings = RestTenant['settings'];
type RestAppSettings = RestTenant['appSettings'];
type RestExtension = RestTenant['extensions'][number];
type RestAssets = RestTenant['assets'];
type RestAsset = RestAssets['logo'];
type RestCurrency = RestTenant['currency'];

export const Tenant = builder.objectRef<RestTenant>('Tenant');
export const TenantPage = builder.objectRef<Page<RestTenant>>('TenantPage');

const TenantSettings = builder.objectRef<RestSettings>('TenantSettings').implement({
  description: "A tenant's settings (REST TenantSettings).",
  fields: (t) => ({
    allowExternalCashDrawer: t.exposeBoolean('allowExternalCashDrawer', {
      description: 'Whether an external cash drawer may be used.',
    }),
    autoLogout: t.exposeInt('autoLogout', { description: 'time in seconds, 0 means not enabled' }),
    autoPrintReceipt: t.exposeBoolean('autoPrintReceipt', { description: 'Whether receipts print automatically after a sale.' }),
    numericSkuCounter: t.exposeInt('numericSkuCounter', { description: 'The counter numeric SKUs are generated from.' }),
    printCardPaymentDetails: t.exposeBoolean('printCardPaymentDetails', {
      description: 'toogle on/off payment terminal details on receipt',
    }),
    sendInvoicesExternally: t.exposeBoolean('sendInvoicesExternally', {
      description: 'Whether invoices are sent through an external system.',
    }),
    duplicateCheckCustomerPhoneNumber: t.exposeBoolean('duplicateCheckCustomerPhoneNumber', {
      description: 'For PERSON customers: Check for unique phone number and email if true',
    }),
    duplicateCheckCustomerVatNumber: t.exposeBoolean('duplicateCheckCustomerVatNumber', {
      description: 'For COMPANY customers: Check for unique vat number if true',
    }),
    useOriginalSellerOnCreditLine: t.exposeBoolean('useOriginalSellerOnCreditLine', {
      description: 'toogle on/off if the original seller should be used in a existing referenced order',
    }),
    defaultCustomerGroupUid: t.id({
      nullable: true,
      description: 'The customer group new customers get; null when none (REST sends "").',
      resolve: (settings) => emptyToNull(settings.defaultCustomerGroupUid),
    }),
    printReceiptNumber: t.exposeBoolean('printReceiptNumber', { description: 'Whether the receipt number is printed on receipts.' }),
    requiredCustomerFields: t.field({
      type: [CustomerRequiredField],
      description: 'The customer fields that must be filled in when a customer is registered.',
      resolve: (settings) => settings.requiredCustomerFields.map(toGraphCustomerField),
    }),
    requiredCustomerFieldsRaw: t.exposeStringList('requiredCustomerFields', { description: rawDescription('requiredCustomerFields') }),
    enforceStrongPin: t.exposeBoolean('enforceStrongPin', { description: "For user's app PIN/password creation" }),
    customerContactsRequiresEmail: t.exposeBoolean('customerContactsRequiresEmail', {
      description: 'Indicate if the customer contacts requires email.',
    }),
    customerContactsEmailDuplicateCheck: t.exposeBoolean('customerContactsEmailDuplicateCheck', {
      description:
        'This will enable duplicate check on email for contacts, so it is not possible to have two contacts with the same email.',
    }),
  }),
});

const TenantAppSettings = builder.objectRef<RestAppSettings>('TenantAppSettings').implement({
  description: "A tenant's settings for the point-of-sale app (REST TenantAppSettingsResponseSchema).",
  fields: (t) => ({
    showOutOfStockWarning: t.exposeBoolean('showOutOfStockWarning', {
      description: 'Whether the app warns when a product is out of stock.',
    }),
    defaultParkedOrderLifespanDays: t.exposeInt('defaultParkedOrderLifespanDays', {
      description: 'Default lifespan in days for parked orders before expiration',
    }),
    requirePinCodeForSale: t.exposeBoolean('requirePinCodeForSale', { description: 'Turn on/off PIN requirement for sale' }),
    requirePinCodeForCredit: t.exposeBoolean('requirePinCodeForCredit', {
      description: 'Turn on/off PIN requirement for credit',
    }),
    autoSendWelcomeSms: t.exposeBoolean('autoSendWelcomeSms', {
      description: 'Whether new customers automatically get a welcome SMS.',
    }),
    autoSendWelcomeMail: t.exposeBoolean('autoSendWelcomeMail', {
      description: 'Whether new customers automatically get a welcome email.',
    }),
    defaultCustomerGroupUid: t.id({
      nullable: true,
      description: 'The customer group new customers get in the app; null when none (REST sends "").',
      resolve: (settings) => emptyToNull(settings.defaultCustomerGroupUid),
    }),
  }),
});

const TenantExtension = builder.objectRef<RestExtension>('TenantExtension').implement({
  description: 'An extension (integration or add-on) installed on a tenant (REST TenantExtensionSchema).',
  fields: (t) => ({
    tenantExtensionUid: t.exposeID('tenantExtensionUid', { description: "Reference to this tenant's extension." }),
    extensionCode: t.field({ type: ExtensionCode, description: 'Which extension this is.', resolve: (extension) => toExtensionCode(extension.extensionCode) }),
    extensionCodeRaw: t.exposeString('extensionCode', { description: rawDescription('extensionCode') }),
    name: t.exposeString('name', { description: 'Display name of the extension.' }),
    active: t.exposeBoolean('active', { description: 'Whether the extension is switched on.' }),
  }),
});

const AssetUrl = builder.objectRef<RestAsset>('AssetUrl').implement({
  description: 'An uploaded asset and where to download it (REST AssetUrlSchema).',
  fields: (t) => ({
    assetUid: t.exposeID('assetUid', { description: 'Reference to the asset.' }),
    url: t.exposeString('url', { description: 'URL of the asset file.' }),
  }),
});

const TenantAssets = builder.objectRef<RestAssets>('TenantAssets').implement({
  description: "A tenant's branding images (REST TenantAssetSchema).",
  fields: (t) => ({
    logo: t.expose('logo', { type: AssetUrl, description: "The tenant's logo." }),
    splash: t.expose('splash', { type: AssetUrl, description: "The tenant's splash screen image." }),
  }),
});

const Currency = builder.objectRef<RestCurrency>('Currency').implement({
  description: "A tenant's currency and how amounts in it are written (REST TenantCurrencySchema).",
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISO 4217' }),
    name: t.exposeString('name', { description: 'Name of the currency.' }),
    symbol: t.exposeString('symbol', { description: 'symbol or short name, e.g. `$`, `kr` etc.' }),
    symbolPosition: t.exposeString('symbolPosition', { description: 'prefix or suffix to the amount' }),
    decimalSeparator: t.exposeString('decimalSeparator', { description: 'The character between whole and fractional units.' }),
    thousandSeparator: t.exposeString('thousandSeparator', { description: 'The character between groups of thousands.' }),
    cashRounding: t.exposeInt('cashRounding', { description: 'the smallest amount accepted as cash' }),
  }),
});

Tenant.implement({
  description: 'A tenant (a retail business) and its settings. GET /tenants/{tenantUid} (cached), GET /tenants (list).',
  fields: (t) => ({
    tenantUid: t.exposeID('tenantUid', { description: 'Reference to a tenant.' }),
    name: t.exposeString('name', { description: 'Name of the tenant.' }),
    countryCode: t.exposeString('countryCode', { description: 'The country the tenant is registered in.' }),
    vatNumber: t.exposeString('vatNumber', {
      description: 'VAT identification number for value added tax reporting purposes.',
    }),
    pricelistUid: t.id({
      nullable: true,
      description: "Reference to the tenant's default pricelist; null when none (REST sends \"\").",
      resolve: (tenant) => emptyToNull(tenant.pricelistUid),
    }),
    timezone: t.exposeString('timezone', {
      description: 'The timezone in tz/zoneinfo format. Example: Europe/Oslo',
    }),
    languageCode: t.exposeString('languageCode', { description: 'ISO 639-1 code for language' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the tenant was created.' }),
    lastModifiedAt: t.expose('lastModifiedAt', { type: 'DateTime', description: 'When the tenant was last changed.' }),
    settings: t.expose('settings', { type: TenantSettings, description: "The tenant's settings." }),
    appSettings: t.expose('appSettings', { type: TenantAppSettings, description: "The tenant's point-of-sale app settings." }),
    extensions: t.expose('extensions', { type: [TenantExtension], description: 'The extensions installed on the tenant.' }),
    assets: t.expose('assets', { type: TenantAssets, description: "The tenant's branding images." }),
    currency: t.expose('currency', { type: Currency, description: "The tenant's currency." }),
  }),
});

TenantPage.implement({
  description: 'One page of tenants.',
  fields: (t) => ({
    items: t.expose('items', { type: [Tenant], description: 'The tenants on this page.' }),
    paging: t.field({ type: Paging, description: 'Where this page sits in the result set.', resolve: (page) => toPaging(page.paging) }),
  }),
});

builder.queryFields((t) => ({
  tenants: t.field({
    type: TenantPage,
    complexity: pagedCall,
    nullable: true,
    description: 'GET /tenants: the tenants the caller has access to, paged.',
    args: {
      page: t.arg.int({ defaultValue: 1, description: 'Reference to a specific page in a result set (1-based).' }),
      pageSize: t.arg.int({ defaultValue: 50, description: 'The number of items per page in a result set.' }),
      sortBy: t.arg.string({ description: 'Defines which field the resource list is sorted by.' }),
      sortDirection: t.arg({ type: SortDirection, description: 'Reference to a sort direction' }),
    },
    resolve: (_root, args, ctx) => tenants(ctx, args),
  }),
  tenant: t.field({
    type: Tenant,
    nullable: true,
    complexity: ONE_CALL,
    description: 'GET /tenants/{tenantUid} (cached); null when the tenant does not exist.',
    args: { tenantUid: t.arg.id({ required: true, description: 'Reference to a tenant.' }) },
    resolve: (_root, args, ctx) => tenant(ctx, args),
  }),
}));

const UpdateTenantInput = builder.inputType('UpdateTenantInput', {
  description: "Changes to a tenant's details and settings (REST TenantUpdateSchema); fields left out or null stay as they are.",
  fields: (t) => ({
    name: t.string({ description: 'Name of the tenant.' }),
    pricelistUid: t.id({ description: 'Reference to the default pricelist ("" for none).' }),
    vatNumber: t.string({ description: 'VAT identification number for value added tax reporting purposes.' }),
    allowExternalCashDrawer: t.boolean({ description: 'Whether an external cash drawer may be used.' }),
    autoLogout: t.int({ description: 'time in seconds, 0 means not enabled' }),
    autoPrintReceipt: t.boolean({ description: 'Whether receipts print automatically after a sale.' }),
    showOutOfStockWarning: t.boolean({ description: 'Whether the app warns when a product is out of stock.' }),
    logoAssetUid: t.id({ description: 'Reference to the uploaded asset to use as logo ("" for none).' }),
    splashAssetUid: t.id({ description: 'Reference to the uploaded asset to use as splash screen ("" for none).' }),
    timezone: t.string({ description: 'The timezone in tz/zoneinfo format. Example: Europe/Oslo' }),
    numericSkuCounter: t.int({ description: 'The counter numeric SKUs are generated from.' }),
    languageCode: t.string({ description: 'ISO 639-1 code for language' }),
    printCardPaymentDetails: t.boolean({ description: 'toogle on/off payment terminal details on receipt' }),
    sendInvoicesExternally: t.boolean({ description: 'Whether invoices are sent through an external system.' }),
    duplicateCheckCustomerPhoneNumber: t.boolean({
      description: 'For PERSON customers: Check for unique phone number and email if true',
    }),
    duplicateCheckCustomerVatNumber: t.boolean({
      description: 'For COMPANY customers: Check for unique vat number if true',
    }),
    defaultParkedOrderLifespanDays: t.int({ description: 'Default lifespan in days for parked orders before expiration' }),
    useOriginalSellerOnCreditLine: t.boolean({
      description: 'toogle on/off if the original seller should be used in a existing referenced order',
    }),
    defaultCustomerGroupUid: t.id({ description: 'The customer group new customers get ("" for none).' }),
    autoSendWelcomeSms: t.boolean({ description: 'Whether new customers automatically get a welcome SMS.' }),
    autoSendWelcomeMail: t.boolean({ description: 'Whether new customers automatically get a welcome email.' }),
    requirePinCodeForSale: t.boolean({ description: 'Turn on/off PIN requirement for sale' }),
    requirePinCodeForCredit: t.boolean({ description: 'Turn on/off PIN requirement for credit' }),
    printReceiptNumber: t.boolean({ description: 'Whether the receipt number is printed on receipts.' }),
    requiredCustomerFields: t.field({
      type: [CustomerRequiredField],
      description: 'The customer fields that must be filled in when a customer is registered (replaces the list).',
    }),
    enforceStrongPin: t.boolean({ description: "For user's app PIN/password creation" }),
    customerContactsRequiresEmail: t.boolean({ description: 'Indicate if the customer contacts requires email.' }),
    customerContactsEmailDuplicateCheck: t.boolean({
      description:
        'This will enable duplicate check on email for contacts, so it is not possible to have two contacts with the same email.',
    }),
  }),
});

builder.mutationFields((t) => ({
  updateTenant: t.field({
    type: Tenant,
    complexity: ONE_CALL,
    description: 'PUT /tenants/{tenantUid}; drops the tenant from the details cache.',
    args: {
      tenantUid: t.arg.id({ required: true, description: 'Reference to a tenant.' }),
      input: t.arg({ type: UpdateTenantInput, required: true, description: 'The changes to make.' }),
    },
    resolve: (_root, args, ctx) => updateTenant(ctx, args),
  }),
}));
