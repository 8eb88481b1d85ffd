/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of account a tenant user has (REST TenantAccountTypeENUM). */
export type AccountType =
  /** Access to backoffice and onboarding of new devices */
  | 'FULL'
  /** Computer integration account */
  | 'INTEGRATION'
  /** Can only login to already onboarded devices */
  | 'REGULAR'
  /** Support account */
  | 'SUPPORT'
  /** A value the upstream sent that this gateway does not know yet (the field's `...Raw` twin has it as sent). Output only: refused as an input with BAD_USER_INPUT. */
  | 'UNKNOWN';

/** A new tenant user (REST TenantUserCreateRequestSchema). Email is required when accountType is FULL. */
export type CreateTenantUserInput = {
  /** The kind of account. */
  accountType: AccountType;
  /** Reference to the user's default store. */
  defaultStoreUid?: string | number | null | undefined;
  /** The name shown for the user. */
  displayName?: string | null | undefined;
  /** Email address. Required when accountType is FULL. */
  email?: string | null | undefined;
  /** The user's id in an external system. */
  externalId?: string | null | undefined;
  /** First name. */
  firstname?: string | null | undefined;
  /** ISO 639-1 code for language */
  languageCode?: string | null | undefined;
  /** Last name. */
  lastname?: string | null | undefined;
  /** Mobile phone number. */
  mobile?: string | null | undefined;
  /** The user's password. */
  password: string;
  /** The stores the user gets access to. */
  storeAccess?: Array<StoreAccessInput> | null | undefined;
  /** The user's role in the tenant. */
  tenantRole: TenantRole;
  /** Reference to give the new user (the upstream makes one when left out). */
  tenantUserUid?: string | number | null | undefined;
  /** The code the user logs in with. */
  userCode: string;
};

/** A customer field the tenant requires when customers are registered (REST CustomerRequiredFieldENUM, which REST spells in lower camel case: email, mobile, vatNumber, postalCode, city, address). */
export type CustomerRequiredField =
  /** Street address (REST `address`). */
  | 'ADDRESS'
  /** City (REST `city`). */
  | 'CITY'
  /** Email address (REST `email`). */
  | 'EMAIL'
  /** Mobile phone number (REST `mobile`). */
  | 'MOBILE'
  /** Postal code (REST `postalCode`). */
  | 'POSTAL_CODE'
  /** A value the upstream sent that this gateway does not know yet (the field's `...Raw` twin has it as sent). Output only: refused as an input with BAD_USER_INPUT. */
  | 'UNKNOWN'
  /** VAT identification number (REST `vatNumber`). */
  | 'VAT_NUMBER';

/** Sort direction of a list (REST SortDirectionENUM). */
export type SortDirection =
  /** Sort in ascending order */
  | 'ASC'
  /** Sort in descending order */
  | 'DESC';

/** Access to one store (REST UserStoreAccessCreateSchema). */
export type StoreAccessInput = {
  /** The user's role in the store. */
  storeRole: StoreRole;
  /** Reference to the store. */
  storeUid: string | number;
};

/** A tenant user's role in one store (REST StoreRoleENUM). */
export type StoreRole =
  /** Store admin. */
  | 'ADMIN'
  /** Access to all backoffice functionality (price changes, purhcase order, etc) */
  | 'BACKOFFICE'
  /** Access to app funtionality (product lookup, create sales, delivery) */
  | 'REGULAR'
  /** A value the upstream sent that this gateway does not know yet (the field's `...Raw` twin has it as sent). Output only: refused as an input with BAD_USER_INPUT. */
  | 'UNKNOWN';

/** A tenant user's role in the tenant (REST TenantRoleENUM). */
export type TenantRole =
  /** Only access to the tenant. */
  | 'ACCESS'
  /** Tenant admin, allow full access to tenant and can add users and new stores. */
  | 'ADMIN'
  /** Access to product, pricelists, etc. */
  | 'BACKOFFICE'
  /** Blocked from this tenant */
  | 'BLOCKED'
  /** A value the upstream sent that this gateway does not know yet (the field's `...Raw` twin has it as sent). Output only: refused as an input with BAD_USER_INPUT. */
  | 'UNKNOWN';

/** Filters for searching tenant users (REST TenantUserSearchSchema); filters left out are not applied. */
export type TenantUserSearchInput = {
  /** Exact match search. */
  email?: string | null | undefined;
  /** Exact match search. */
  mobile?: string | null | undefined;
  /** Fuzzy search on displayName, firstname, lastname, mobile, email and userCode. */
  query?: string | null | undefined;
  /** Only users with one of these statuses. */
  status?: Array<TenantUserStatus> | null | undefined;
  /** Exact match search. */
  userCode?: string | null | undefined;
};

/** Where a tenant user's account stands (REST TenantUserStatusENUM). */
export type TenantUserStatus =
  /** Active user. */
  | 'ACTIVE'
  /** Deactivated user. */
  | 'INACTIVE'
  /** Invited; the invitation has not been accepted yet. */
  | 'PENDING_INVITE'
  /** A value the upstream sent that this gateway does not know yet (the field's `...Raw` twin has it as sent). Output only: refused as an input with BAD_USER_INPUT. */
  | 'UNKNOWN';

/** Changes to a tenant's details and settings (REST TenantUpdateSchema); fields left out or null stay as they are. */
export type UpdateTenantInput = {
  /** Whether an external cash drawer may be used. */
  allowExternalCashDrawer?: boolean | null | undefined;
  /** time in seconds, 0 means not enabled */
  autoLogout?: number | null | undefined;
  /** Whether receipts print automatically after a sale. */
  autoPrintReceipt?: boolean | null | undefined;
  /** Whether new customers automatically get a welcome email. */
  autoSendWelcomeMail?: boolean | null | undefined;
  /** Whether new customers automatically get a welcome SMS. */
  autoSendWelcomeSms?: boolean | null | undefined;
  /** This will enable duplicate check on email for contacts, so it is not possible to have two contacts with the same email. */
  customerContactsEmailDuplicateCheck?: boolean | null | undefined;
  /** Indicate if the customer contacts requires email. */
  customerContactsRequiresEmail?: boolean | null | undefined;
  /** The customer group new customers get ("" for none). */
  defaultCustomerGroupUid?: string | number | null | undefined;
  /** Default lifespan in days for parked orders before expiration */
  defaultParkedOrderLifespanDays?: number | null | undefined;
  /** For PERSON customers: Check for unique phone number and email if true */
  duplicateCheckCustomerPhoneNumber?: boolean | null | undefined;
  /** For COMPANY customers: Check for unique vat number if true */
  duplicateCheckCustomerVatNumber?: boolean | null | undefined;
  /** For user's app PIN/password creation */
  enforceStrongPin?: boolean | null | undefined;
  /** ISO 639-1 code for language */
  languageCode?: string | null | undefined;
  /** Reference to the uploaded asset to use as logo ("" for none). */
  logoAssetUid?: string | number | null | undefined;
  /** Name of the tenant. */
  name?: string | null | undefined;
  /** The counter numeric SKUs are generated from. */
  numericSkuCounter?: number | null | undefined;
  /** Reference to the default pricelist ("" for none). */
  pricelistUid?: string | number | null | undefined;
  /** toogle on/off payment terminal details on receipt */
  printCardPaymentDetails?: boolean | null | undefined;
  /** Whether the receipt number is printed on receipts. */
  printReceiptNumber?: boolean | null | undefined;
  /** Turn on/off PIN requirement for credit */
  requirePinCodeForCredit?: boolean | null | undefined;
  /** Turn on/off PIN requirement for sale */
  requirePinCodeForSale?: boolean | null | undefined;
  /** The customer fields that must be filled in when a customer is registered (replaces the list). */
  requiredCustomerFields?: Array<CustomerRequiredField> | null | undefined;
  /** Whether invoices are sent through an external system. */
  sendInvoicesExternally?: boolean | null | undefined;
  /** Whether the app warns when a product is out of stock. */
  showOutOfStockWarning?: boolean | null | undefined;
  /** Reference to the uploaded asset to use as splash screen ("" for none). */
  splashAssetUid?: string | number | null | undefined;
  /** The timezone in tz/zoneinfo format. Example: Europe/Oslo */
  timezone?: string | null | undefined;
  /** toogle on/off if the original seller should be used in a existing referenced order */
  useOriginalSellerOnCreditLine?: boolean | null | undefined;
  /** VAT identification number for value added tax reporting purposes. */
  vatNumber?: string | null | undefined;
};

export type AccountSwitcherQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountSwitcherQuery = { me: { defaultTenantUid: string, memberships: Array<{ tenantUserUid: string, tenantUid: string, tenantName: string | null, displayName: string, tenantRole: TenantRole, status: TenantUserStatus }> } | null };

export type SetDefaultTenantMutationVariables = Exact<{
  tenantUid: string | number;
}>;


export type SetDefaultTenantMutation = { updateAccount: { defaultTenantUid: string } };

export type UserRowFragment = { tenantUserUid: string, tenantUid: string, displayName: string, userCode: string, email: string, accountType: AccountType, tenantRole: TenantRole, status: TenantUserStatus, lastAccessed: unknown, storeAccess: Array<{ storeUid: string, storeRole: StoreRole }> };

export type MembershipFragment = { tenantUserUid: string, tenantUid: string, tenantName: string | null, displayName: string, tenantRole: TenantRole, status: TenantUserStatus };

export type IntegrationTokenFragment = { tenantUserTokenUid: string, token: string };

export type PagingInfoFragment = { pageNumber: number, pageSize: number, totalCount: number, totalPages: number, hasNextPage: boolean };

export type CreateUserMutationVariables = Exact<{
  tenantUid: string | number;
  input: CreateTenantUserInput;
}>;


export type CreateUserMutation = { createTenantUser: { tenantUserUid: string, tenantUid: string, displayName: string, userCode: string, email: string, accountType: AccountType, tenantRole: TenantRole, status: TenantUserStatus, lastAccessed: unknown, storeAccess: Array<{ storeUid: string, storeRole: StoreRole }> } };

export type ResendInvitationMutationVariables = Exact<{
  tenantUid: string | number;
  tenantUserUid: string | number;
}>;


export type ResendInvitationMutation = { resendInvitation: { tenantUserUid: string, status: TenantUserStatus } };

export type InvitationLookupQueryVariables = Exact<{
  inviteToken: string;
}>;


export type InvitationLookupQuery = { invitation: { tenant: { name: string }, user: { displayName: string, firstname: string, lastname: string, email: string, mobile: string, status: string } } | null };

export type AcceptInvitationMutationVariables = Exact<{
  inviteToken: string;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { tenantUserUid: string, tenantUid: string, tenantName: string | null, displayName: string, tenantRole: TenantRole, status: TenantUserStatus } };

export type LoginMutationVariables = Exact<{
  userCode: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, tenantUser: { tenantUserUid: string, tenantUid: string, tenantName: string | null, displayName: string, tenantRole: TenantRole, status: TenantUserStatus } | null } };

export type TenantSettingsFormFragment = { tenantUid: string, name: string, vatNumber: string, countryCode: string, languageCode: string, timezone: string, pricelistUid: string | null, lastModifiedAt: unknown, currency: { code: string, symbol: string }, settings: { allowExternalCashDrawer: boolean, autoLogout: number, autoPrintReceipt: boolean, customerContactsEmailDuplicateCheck: boolean, customerContactsRequiresEmail: boolean, defaultCustomerGroupUid: string | null, duplicateCheckCustomerPhoneNumber: boolean, duplicateCheckCustomerVatNumber: boolean, enforceStrongPin: boolean, numericSkuCounter: number, printCardPaymentDetails: boolean, printReceiptNumber: boolean, requiredCustomerFields: Array<CustomerRequiredField>, sendInvoicesExternally: boolean, useOriginalSellerOnCreditLine: boolean }, appSettings: { autoSendWelcomeMail: boolean, autoSendWelcomeSms: boolean, defaultCustomerGroupUid: string | null, defaultParkedOrderLifespanDays: number, requirePinCodeForCredit: boolean, requirePinCodeForSale: boolean, showOutOfStockWarning: boolean } };

export type TenantSettingsQueryVariables = Exact<{
  tenantUid: string | number;
}>;


export type TenantSettingsQuery = { tenant: { tenantUid: string, name: string, vatNumber: string, countryCode: string, languageCode: string, timezone: string, pricelistUid: string | null, lastModifiedAt: unknown, currency: { code: string, symbol: string }, settings: { allowExternalCashDrawer: boolean, autoLogout: number, autoPrintReceipt: boolean, customerContactsEmailDuplicateCheck: boolean, customerContactsRequiresEmail: boolean, defaultCustomerGroupUid: string | null, duplicateCheckCustomerPhoneNumber: boolean, duplicateCheckCustomerVatNumber: boolean, enforceStrongPin: boolean, numericSkuCounter: number, printCardPaymentDetails: boolean, printReceiptNumber: boolean, requiredCustomerFields: Array<CustomerRequiredField>, sendInvoicesExternally: boolean, useOriginalSellerOnCreditLine: boolean }, appSettings: { autoSendWelcomeMail: boolean, autoSendWelcomeSms: boolean, defaultCustomerGroupUid: string | null, defaultParkedOrderLifespanDays: number, requirePinCodeForCredit: boolean, requirePinCodeForSale: boolean, showOutOfStockWarning: boolean } } | null };

export type UpdateTenantSettingsMutationVariables = Exact<{
  tenantUid: string | number;
  input: UpdateTenantInput;
}>;


export type UpdateTenantSettingsMutation = { updateTenant: { tenantUid: string, name: string, vatNumber: string, countryCode: string, languageCode: string, timezone: string, pricelistUid: string | null, lastModifiedAt: unknown, currency: { code: string, symbol: string }, settings: { allowExternalCashDrawer: boolean, autoLogout: number, autoPrintReceipt: boolean, customerContactsEmailDuplicateCheck: boolean, customerContactsRequiresEmail: boolean, defaultCustomerGroupUid: string | null, duplicateCheckCustomerPhoneNumber: boolean, duplicateCheckCustomerVatNumber: boolean, enforceStrongPin: boolean, numericSkuCounter: number, printCardPaymentDetails: boolean, printReceiptNumber: boolean, requiredCustomerFields: Array<CustomerRequiredField>, sendInvoicesExternally: boolean, useOriginalSellerOnCreditLine: boolean }, appSettings: { autoSendWelcomeMail: boolean, autoSendWelcomeSms: boolean, defaultCustomerGroupUid: string | null, defaultParkedOrderLifespanDays: number, requirePinCodeForCredit: boolean, requirePinCodeForSale: boolean, showOutOfStockWarning: boolean } } };

export type CreateTokenMutationVariables = Exact<{
  tenantUid: string | number;
  tenantUserUid: string | number;
}>;


export type CreateTokenMutation = { createIntegrationToken: Array<{ tenantUserTokenUid: string, token: string }> };

export type DeleteTokenMutationVariables = Exact<{
  tenantUid: string | number;
  tenantUserUid: string | number;
  tenantUserTokenUid: string | number;
}>;


export type DeleteTokenMutation = { deleteIntegrationToken: string };

export type UserDetailsQueryVariables = Exact<{
  tenantUid: string | number;
  tenantUserUid: string | number;
}>;


export type UserDetailsQuery = { tenant: { tenantUid: string, name: string, user: { firstname: string, lastname: string, mobile: string, externalId: string, languageCode: string, defaultStoreUid: string | null, createdAt: unknown, lastModifiedAt: unknown, tenantUserUid: string, tenantUid: string, displayName: string, userCode: string, email: string, accountType: AccountType, tenantRole: TenantRole, status: TenantUserStatus, lastAccessed: unknown, storeAccess: Array<{ storeAccessUid: string, storeUid: string, storeRole: StoreRole, createdAt: unknown }>, permissions: { tenant: Array<string>, stores: Array<{ permissions: Array<string>, store: { storeUid: string, name: string, organizationName: string } }>, organizations: Array<{ permissions: Array<string>, organization: { organizationUid: string, name: string } }> } | null, tokens: Array<{ tenantUserTokenUid: string, token: string }> | null } | null } | null };

export type UsersTableQueryVariables = Exact<{
  tenantUid: string | number;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
  query?: string | null | undefined;
  storeUid?: string | number | null | undefined;
  organizationUid?: string | number | null | undefined;
  sortBy?: string | null | undefined;
  sortDirection?: SortDirection | null | undefined;
}>;


export type UsersTableQuery = { tenant: { tenantUid: string, name: string, users: { paging: { pageNumber: number, pageSize: number, totalCount: number, totalPages: number, hasNextPage: boolean }, items: Array<{ tenantUserUid: string, tenantUid: string, displayName: string, userCode: string, email: string, accountType: AccountType, tenantRole: TenantRole, status: TenantUserStatus, lastAccessed: unknown, storeAccess: Array<{ storeUid: string, storeRole: StoreRole }> }> } | null } | null };

export type UsersTableSearchQueryVariables = Exact<{
  tenantUid: string | number;
  filter: TenantUserSearchInput;
  page?: number | null | undefined;
  pageSize?: number | null | undefined;
}>;


export type UsersTableSearchQuery = { tenant: { tenantUid: string, searchUsers: { paging: { pageNumber: number, pageSize: number, totalCount: number, totalPages: number, hasNextPage: boolean }, items: Array<{ tenantUserUid: string, tenantUid: string, displayName: string, userCode: string, email: string, accountType: AccountType, tenantRole: TenantRole, status: TenantUserStatus, lastAccessed: unknown, storeAccess: Array<{ storeUid: string, storeRole: StoreRole }> }> } | null } | null };

export const UserRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"userCode"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"storeAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeUid"}},{"kind":"Field","name":{"kind":"Name","value":"storeRole"}}]}}]}}]} as unknown as DocumentNode<UserRowFragment, unknown>;
export const MembershipFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Membership"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<MembershipFragment, unknown>;
export const IntegrationTokenFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IntegrationToken"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserTokenUid"}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]} as unknown as DocumentNode<IntegrationTokenFragment, unknown>;
export const PagingInfoFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PagingInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Paging"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]} as unknown as DocumentNode<PagingInfoFragment, unknown>;
export const TenantSettingsFormFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TenantSettingsForm"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"pricelistUid"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowExternalCashDrawer"}},{"kind":"Field","name":{"kind":"Name","value":"autoLogout"}},{"kind":"Field","name":{"kind":"Name","value":"autoPrintReceipt"}},{"kind":"Field","name":{"kind":"Name","value":"customerContactsEmailDuplicateCheck"}},{"kind":"Field","name":{"kind":"Name","value":"customerContactsRequiresEmail"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCustomerGroupUid"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCheckCustomerPhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCheckCustomerVatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enforceStrongPin"}},{"kind":"Field","name":{"kind":"Name","value":"numericSkuCounter"}},{"kind":"Field","name":{"kind":"Name","value":"printCardPaymentDetails"}},{"kind":"Field","name":{"kind":"Name","value":"printReceiptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"requiredCustomerFields"}},{"kind":"Field","name":{"kind":"Name","value":"sendInvoicesExternally"}},{"kind":"Field","name":{"kind":"Name","value":"useOriginalSellerOnCreditLine"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoSendWelcomeMail"}},{"kind":"Field","name":{"kind":"Name","value":"autoSendWelcomeSms"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCustomerGroupUid"}},{"kind":"Field","name":{"kind":"Name","value":"defaultParkedOrderLifespanDays"}},{"kind":"Field","name":{"kind":"Name","value":"requirePinCodeForCredit"}},{"kind":"Field","name":{"kind":"Name","value":"requirePinCodeForSale"}},{"kind":"Field","name":{"kind":"Name","value":"showOutOfStockWarning"}}]}}]}}]} as unknown as DocumentNode<TenantSettingsFormFragment, unknown>;
export const AccountSwitcherDocument = {"__meta__":{"hash":"sha256:392d35c039b24be6b52813a430c541414990906cb746e3f8bdbe0a1d7675362d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountSwitcher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultTenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Membership"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Membership"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<AccountSwitcherQuery, AccountSwitcherQueryVariables>;
export const SetDefaultTenantDocument = {"__meta__":{"hash":"sha256:8f67ae0c2cafdd15475299f5f7f805fede49b9eb42897cbc31cdf8d7a08e68f8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDefaultTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"defaultTenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultTenantUid"}}]}}]}}]} as unknown as DocumentNode<SetDefaultTenantMutation, SetDefaultTenantMutationVariables>;
export const CreateUserDocument = {"__meta__":{"hash":"sha256:75fdccf3fdcc7e9121f10d69e8aa7c75f8e651b39fca586719b72aec5c1598a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTenantUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"userCode"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"storeAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeUid"}},{"kind":"Field","name":{"kind":"Name","value":"storeRole"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const ResendInvitationDocument = {"__meta__":{"hash":"sha256:d64cbd22978100ec2764a65c33f70816808ac352b9769f294fa33392ab11198f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenantUserUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const InvitationLookupDocument = {"__meta__":{"hash":"sha256:b1e351455c1424532a0cbf08a55fe1543f58b4714124901e5695c56fe156e015"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inviteToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inviteToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inviteToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"firstname"}},{"kind":"Field","name":{"kind":"Name","value":"lastname"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<InvitationLookupQuery, InvitationLookupQueryVariables>;
export const AcceptInvitationDocument = {"__meta__":{"hash":"sha256:b8c3135885a81e36e2984ede9d0de72fb707c9dfa6789cdfef19203e1ad75049"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inviteToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inviteToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inviteToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Membership"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Membership"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const LoginDocument = {"__meta__":{"hash":"sha256:c241257948b2e7963b27a1f3f5cf48f1888813bdf3a94086d9514427db7ed1a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Membership"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Membership"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const TenantSettingsDocument = {"__meta__":{"hash":"sha256:f9ad9358ffe92bc36d70bf23d10d1970880ee66009b8fd6c7179f64202f9034d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TenantSettingsForm"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TenantSettingsForm"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"pricelistUid"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowExternalCashDrawer"}},{"kind":"Field","name":{"kind":"Name","value":"autoLogout"}},{"kind":"Field","name":{"kind":"Name","value":"autoPrintReceipt"}},{"kind":"Field","name":{"kind":"Name","value":"customerContactsEmailDuplicateCheck"}},{"kind":"Field","name":{"kind":"Name","value":"customerContactsRequiresEmail"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCustomerGroupUid"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCheckCustomerPhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCheckCustomerVatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enforceStrongPin"}},{"kind":"Field","name":{"kind":"Name","value":"numericSkuCounter"}},{"kind":"Field","name":{"kind":"Name","value":"printCardPaymentDetails"}},{"kind":"Field","name":{"kind":"Name","value":"printReceiptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"requiredCustomerFields"}},{"kind":"Field","name":{"kind":"Name","value":"sendInvoicesExternally"}},{"kind":"Field","name":{"kind":"Name","value":"useOriginalSellerOnCreditLine"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoSendWelcomeMail"}},{"kind":"Field","name":{"kind":"Name","value":"autoSendWelcomeSms"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCustomerGroupUid"}},{"kind":"Field","name":{"kind":"Name","value":"defaultParkedOrderLifespanDays"}},{"kind":"Field","name":{"kind":"Name","value":"requirePinCodeForCredit"}},{"kind":"Field","name":{"kind":"Name","value":"requirePinCodeForSale"}},{"kind":"Field","name":{"kind":"Name","value":"showOutOfStockWarning"}}]}}]}}]} as unknown as DocumentNode<TenantSettingsQuery, TenantSettingsQueryVariables>;
export const UpdateTenantSettingsDocument = {"__meta__":{"hash":"sha256:6398f718f2b9bb44e431b261aa8db60d79dacdffbdd754d4a6e0c68c7317a054"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTenantSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TenantSettingsForm"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TenantSettingsForm"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tenant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"pricelistUid"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowExternalCashDrawer"}},{"kind":"Field","name":{"kind":"Name","value":"autoLogout"}},{"kind":"Field","name":{"kind":"Name","value":"autoPrintReceipt"}},{"kind":"Field","name":{"kind":"Name","value":"customerContactsEmailDuplicateCheck"}},{"kind":"Field","name":{"kind":"Name","value":"customerContactsRequiresEmail"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCustomerGroupUid"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCheckCustomerPhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCheckCustomerVatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enforceStrongPin"}},{"kind":"Field","name":{"kind":"Name","value":"numericSkuCounter"}},{"kind":"Field","name":{"kind":"Name","value":"printCardPaymentDetails"}},{"kind":"Field","name":{"kind":"Name","value":"printReceiptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"requiredCustomerFields"}},{"kind":"Field","name":{"kind":"Name","value":"sendInvoicesExternally"}},{"kind":"Field","name":{"kind":"Name","value":"useOriginalSellerOnCreditLine"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoSendWelcomeMail"}},{"kind":"Field","name":{"kind":"Name","value":"autoSendWelcomeSms"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCustomerGroupUid"}},{"kind":"Field","name":{"kind":"Name","value":"defaultParkedOrderLifespanDays"}},{"kind":"Field","name":{"kind":"Name","value":"requirePinCodeForCredit"}},{"kind":"Field","name":{"kind":"Name","value":"requirePinCodeForSale"}},{"kind":"Field","name":{"kind":"Name","value":"showOutOfStockWarning"}}]}}]}}]} as unknown as DocumentNode<UpdateTenantSettingsMutation, UpdateTenantSettingsMutationVariables>;
export const CreateTokenDocument = {"__meta__":{"hash":"sha256:16184f43864b144434143d1b914ff70536207a43de40e73cf5cc0d333fe010f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIntegrationToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenantUserUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IntegrationToken"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IntegrationToken"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserTokenUid"}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]} as unknown as DocumentNode<CreateTokenMutation, CreateTokenMutationVariables>;
export const DeleteTokenDocument = {"__meta__":{"hash":"sha256:522a719a04acef9aa4480c1f7468a40dfbcbf08e9e3525c1337cb722c884a272"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserTokenUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteIntegrationToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenantUserUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenantUserTokenUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserTokenUid"}}}]}]}}]} as unknown as DocumentNode<DeleteTokenMutation, DeleteTokenMutationVariables>;
export const UserDetailsDocument = {"__meta__":{"hash":"sha256:05875ad83747ed28dc42e1daa446fc8223628602a0c0623db26967caa9208052"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUserUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUserUid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserRow"}},{"kind":"Field","name":{"kind":"Name","value":"firstname"}},{"kind":"Field","name":{"kind":"Name","value":"lastname"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"defaultStoreUid"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"storeAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeAccessUid"}},{"kind":"Field","name":{"kind":"Name","value":"storeUid"}},{"kind":"Field","name":{"kind":"Name","value":"storeRole"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"stores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeUid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationUid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IntegrationToken"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"userCode"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"storeAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeUid"}},{"kind":"Field","name":{"kind":"Name","value":"storeRole"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IntegrationToken"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserTokenUid"}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]} as unknown as DocumentNode<UserDetailsQuery, UserDetailsQueryVariables>;
export const UsersTableDocument = {"__meta__":{"hash":"sha256:c1f394692228a585d6cde164c20cd8a164d06fd1202ad93c196fee1d75dc6486"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersTable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"1"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storeUid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationUid"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortDirection"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SortDirection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"storeUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storeUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"organizationUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationUid"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortDirection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortDirection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paging"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PagingInfo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PagingInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Paging"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"userCode"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"storeAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeUid"}},{"kind":"Field","name":{"kind":"Name","value":"storeRole"}}]}}]}}]} as unknown as DocumentNode<UsersTableQuery, UsersTableQueryVariables>;
export const UsersTableSearchDocument = {"__meta__":{"hash":"sha256:9bcd9bfbf7f9b7be627ea32b118e47e6364e474de9110d973b1d6eff01aaf8d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsersTableSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUserSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"1"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenantUid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantUid"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"searchUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}},{"kind":"Argument","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pageSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paging"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PagingInfo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PagingInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Paging"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPages"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TenantUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantUserUid"}},{"kind":"Field","name":{"kind":"Name","value":"tenantUid"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"userCode"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"tenantRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastAccessed"}},{"kind":"Field","name":{"kind":"Name","value":"storeAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeUid"}},{"kind":"Field","name":{"kind":"Name","value":"storeRole"}}]}}]}}]} as unknown as DocumentNode<UsersTableSearchQuery, UsersTableSearchQueryVariables>;