import { builder } from './builder.ts';
import { pageArgs, sortArgs, tenantArgs } from './args.ts';
import { ONE_CALL, connectionCall, pagedCall } from './cost.ts';
import { CustomerRequiredField, ExtensionCode } from './enums.ts';
import { Paging } from './paging.ts';
import { toPaging, type Page } from '../resolvers/paging.ts';
import type { RestTenant } from '../spec/schemas.ts';
import { emptyToNull } from '../resolvers/mapping.ts';
import { toExtensionCode } from '../resolvers/enums.ts';
import { DOCS, rawDescription, restDoc } from './descriptions.ts';
import { tenant, tenants, tenantsConnection, toGraphCustomerField, updateTenant } from '../resolvers/tenant.ts';

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
      description: DOCS.allowExternalCashDrawer,
    }),
    autoLogout: t.exposeInt('autoLogout', { description: DOCS.autoLogout }),
    autoPrintReceipt: t.exposeBoolean('autoPrintReceipt', { description: DOCS.autoPrintReceipt }),
    numericSkuCounter: t.exposeInt('numericSkuCounter', { description: DOCS.numericSkuCounter }),
    printCardPaymentDetails: t.exposeBoolean('printCardPaymentDetails', {
      description: DOCS.printCardPaymentDetails,
    }),
    sendInvoicesExternally: t.exposeBoolean('sendInvoicesExternally', {
      description: DOCS.sendInvoicesExternally,
    }),
    duplicateCheckCustomerPhoneNumber: t.exposeBoolean('duplicateCheckCustomerPhoneNumber', {
      description: DOCS.duplicateCheckCustomerPhoneNumber,
    }),
    duplicateCheckCustomerVatNumber: t.exposeBoolean('duplicateCheckCustomerVatNumber', {
      description: DOCS.duplicateCheckCustomerVatNumber,
    }),
    useOriginalSellerOnCreditLine: t.exposeBoolean('useOriginalSellerOnCreditLine', {
      description: DOCS.useOriginalSellerOnCreditLine,
    }),
    defaultCustomerGroupUid: t.id({
      nullable: true,
      description: 'The customer group new customers get; null when none (REST sends "").',
      resolve: (settings) => emptyToNull(settings.defaultCustomerGroupUid),
    }),
    printReceiptNumber: t.exposeBoolean('printReceiptNumber', { description: DOCS.printReceiptNumber }),
    requiredCustomerFields: t.field({
      type: [CustomerRequiredField],
      description: 'The customer fields that must be filled in when a customer is registered.',
      resolve: (settings) => settings.requiredCustomerFields.map(toGraphCustomerField),
    }),
    requiredCustomerFieldsRaw: t.exposeStringList('requiredCustomerFields', { description: rawDescription('requiredCustomerFields') }),
    enforceStrongPin: t.exposeBoolean('enforceStrongPin', { description: DOCS.enforceStrongPin }),
    customerContactsRequiresEmail: t.exposeBoolean('customerContactsRequiresEmail', {
      description: DOCS.customerContactsRequiresEmail,
    }),
    customerContactsEmailDuplicateCheck: t.exposeBoolean('customerContactsEmailDuplicateCheck', {
      description: DOCS.customerContactsEmailDuplicateCheck,
    }),
  }),
});

const TenantAppSettings = builder.objectRef<RestAppSettings>('TenantAppSettings').implement({
  description: "A tenant's settings for the point-of-sale app (REST TenantAppSettingsResponseSchema).",
  fields: (t) => ({
    showOutOfStockWarning: t.exposeBoolean('showOutOfStockWarning', {
      description: DOCS.showOutOfStockWarning,
    }),
    defaultParkedOrderLifespanDays: t.exposeInt('defaultParkedOrderLifespanDays', {
      description: DOCS.defaultParkedOrderLifespanDays,
    }),
    requirePinCodeForSale: t.exposeBoolean('requirePinCodeForSale', { description: DOCS.requirePinCodeForSale }),
    requirePinCodeForCredit: t.exposeBoolean('requirePinCodeForCredit', {
      description: DOCS.requirePinCodeForCredit,
    }),
    autoSendWelcomeSms: t.exposeBoolean('autoSendWelcomeSms', {
      description: DOCS.autoSendWelcomeSms,
    }),
    autoSendWelcomeMail: t.exposeBoolean('autoSendWelcomeMail', {
      description: DOCS.autoSendWelcomeMail,
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
    extensionCode: t.field({
      type: ExtensionCode,
      description: 'Which extension this is.',
      resolve: (extension) => toExtensionCode(extension.extensionCode),
    }),
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
    tenantUid: t.exposeID('tenantUid', { description: DOCS.tenantUid }),
    name: t.exposeString('name', { description: DOCS.tenantName }),
    countryCode: t.exposeString('countryCode', { description: 'The country the tenant is registered in.' }),
    vatNumber: t.exposeString('vatNumber', {
      description: DOCS.vatNumber,
    }),
    pricelistUid: t.id({
      nullable: true,
      description: 'Reference to the tenant\'s default pricelist; null when none (REST sends "").',
      resolve: (tenant) => emptyToNull(tenant.pricelistUid),
    }),
    timezone: t.exposeString('timezone', {
      description: DOCS.timezone,
    }),
    languageCode: t.exposeString('languageCode', { description: DOCS.languageCode }),
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
    paging: t.field({ type: Paging, description: DOCS.paging, resolve: (page) => toPaging(page.paging) }),
  }),
});

builder.queryFields((t) => ({
  tenants: t.field({
    type: TenantPage,
    complexity: pagedCall,
    nullable: true,
    description: restDoc('get-tenants', 'The tenants the caller has access to, paged.'),
    args: { ...pageArgs, ...sortArgs },
    resolve: (_root, args, ctx) => tenants(ctx, args),
  }),
  tenantsConnection: t.connection(
    {
      type: Tenant,
      complexity: connectionCall,
      nullable: true,
      description: restDoc(
        'get-tenants',
        'The tenants the caller has access to as a Relay connection (for Relay, Apollo Client and urql pagination). Following `endCursor` with the same `first` reads one REST page per slice.',
      ),
      args: sortArgs,
      resolve: (_root, args, ctx) => tenantsConnection(ctx, args),
    },
    {
      name: 'TenantConnection',
      description: 'A slice of the tenants the caller has access to.',
      fields: (c) => ({ totalCount: c.exposeInt('totalCount', { description: 'How many tenants the whole list has.' }) }),
    },
    { name: 'TenantEdge', description: 'A tenant in a slice, with its cursor.' },
  ),
  tenant: t.field({
    type: Tenant,
    nullable: true,
    complexity: ONE_CALL,
    description: restDoc('get-tenants-details', "A tenant's details (cached); null when the tenant does not exist."),
    args: tenantArgs,
    resolve: (_root, args, ctx) => tenant(ctx, args),
  }),
}));

const UpdateTenantInput = builder.inputType('UpdateTenantInput', {
  description: "Changes to a tenant's details and settings (REST TenantUpdateSchema); fields left out or null stay as they are.",
  fields: (t) => ({
    name: t.string({ description: DOCS.tenantName }),
    pricelistUid: t.id({ description: 'Reference to the default pricelist ("" for none).' }),
    vatNumber: t.string({ description: DOCS.vatNumber }),
    allowExternalCashDrawer: t.boolean({ description: DOCS.allowExternalCashDrawer }),
    autoLogout: t.int({ description: DOCS.autoLogout }),
    autoPrintReceipt: t.boolean({ description: DOCS.autoPrintReceipt }),
    showOutOfStockWarning: t.boolean({ description: DOCS.showOutOfStockWarning }),
    logoAssetUid: t.id({ description: 'Reference to the uploaded asset to use as logo ("" for none).' }),
    splashAssetUid: t.id({ description: 'Reference to the uploaded asset to use as splash screen ("" for none).' }),
    timezone: t.string({ description: DOCS.timezone }),
    numericSkuCounter: t.int({ description: DOCS.numericSkuCounter }),
    languageCode: t.string({ description: DOCS.languageCode }),
    printCardPaymentDetails: t.boolean({ description: DOCS.printCardPaymentDetails }),
    sendInvoicesExternally: t.boolean({ description: DOCS.sendInvoicesExternally }),
    duplicateCheckCustomerPhoneNumber: t.boolean({
      description: DOCS.duplicateCheckCustomerPhoneNumber,
    }),
    duplicateCheckCustomerVatNumber: t.boolean({
      description: DOCS.duplicateCheckCustomerVatNumber,
    }),
    defaultParkedOrderLifespanDays: t.int({ description: DOCS.defaultParkedOrderLifespanDays }),
    useOriginalSellerOnCreditLine: t.boolean({
      description: DOCS.useOriginalSellerOnCreditLine,
    }),
    defaultCustomerGroupUid: t.id({ description: 'The customer group new customers get ("" for none).' }),
    autoSendWelcomeSms: t.boolean({ description: DOCS.autoSendWelcomeSms }),
    autoSendWelcomeMail: t.boolean({ description: DOCS.autoSendWelcomeMail }),
    requirePinCodeForSale: t.boolean({ description: DOCS.requirePinCodeForSale }),
    requirePinCodeForCredit: t.boolean({ description: DOCS.requirePinCodeForCredit }),
    printReceiptNumber: t.boolean({ description: DOCS.printReceiptNumber }),
    requiredCustomerFields: t.field({
      type: [CustomerRequiredField],
      description: 'The customer fields that must be filled in when a customer is registered (replaces the list).',
    }),
    enforceStrongPin: t.boolean({ description: DOCS.enforceStrongPin }),
    customerContactsRequiresEmail: t.boolean({ description: DOCS.customerContactsRequiresEmail }),
    customerContactsEmailDuplicateCheck: t.boolean({
      description: DOCS.customerContactsEmailDuplicateCheck,
    }),
  }),
});

builder.mutationFields((t) => ({
  updateTenant: t.field({
    type: Tenant,
    complexity: ONE_CALL,
    description: restDoc('put-tenants-details', "Changes a tenant's details and settings; drops the tenant from the details cache."),
    args: {
      ...tenantArgs,
      input: t.arg({ type: UpdateTenantInput, required: true, description: DOCS.changes }),
    },
    resolve: (_root, args, ctx) => updateTenant(ctx, args),
  }),
}));
