import { relations } from 'drizzle-orm';
import { auditLog } from './audit';
import { accountGroups, accounts, agreementPaymentMethods, agreements, paymentEntities, tariffCategories, workOrders } from './crm';
import { customerContacts, customers } from './customers';
import { branches, localities, pointsOfSale, provinces } from './organization';
import { userBranches, users } from './users';

export const provincesRelations = relations(provinces, ({ many }) => ({ localities: many(localities) }));
export const localitiesRelations = relations(localities, ({ one }) => ({
  province: one(provinces, { fields: [localities.provinceId], references: [provinces.id] }),
}));
export const branchesRelations = relations(branches, ({ one, many }) => ({
  locality: one(localities, { fields: [branches.localityId], references: [localities.id] }),
  pointsOfSale: many(pointsOfSale),
}));
export const pointsOfSaleRelations = relations(pointsOfSale, ({ one }) => ({
  branch: one(branches, { fields: [pointsOfSale.branchId], references: [branches.id] }),
}));
export const customersRelations = relations(customers, ({ one, many }) => ({
  branch: one(branches, { fields: [customers.branchId], references: [branches.id] }),
  locality: one(localities, { fields: [customers.localityId], references: [localities.id] }),
  contacts: many(customerContacts),
}));
export const customerContactsRelations = relations(customerContacts, ({ one }) => ({
  customer: one(customers, { fields: [customerContacts.customerId], references: [customers.id] }),
}));
export const usersRelations = relations(users, ({ one, many }) => ({
  customer: one(customers, { fields: [users.customerId], references: [customers.id] }),
  branches: many(userBranches),
}));
export const userBranchesRelations = relations(userBranches, ({ one }) => ({
  user: one(users, { fields: [userBranches.userId], references: [users.id] }),
  branch: one(branches, { fields: [userBranches.branchId], references: [branches.id] }),
}));
export const auditLogRelations = relations(auditLog, ({ one }) => ({
  user: one(users, { fields: [auditLog.userId], references: [users.id] }),
}));

export const agreementsRelations = relations(agreements, ({ one, many }) => ({
  customer: one(customers, { fields: [agreements.customerId], references: [customers.id] }),
  branch: one(branches, { fields: [agreements.branchId], references: [branches.id] }),
  locality: one(localities, { fields: [agreements.localityId], references: [localities.id] }),
  groups: many(accountGroups),
  accounts: many(accounts),
  workOrders: many(workOrders),
  paymentMethods: many(agreementPaymentMethods),
}));
export const accountGroupsRelations = relations(accountGroups, ({ one, many }) => ({
  agreement: one(agreements, { fields: [accountGroups.agreementId], references: [agreements.id] }),
  branch: one(branches, { fields: [accountGroups.branchId], references: [branches.id] }),
  accounts: many(accounts),
}));
export const accountsRelations = relations(accounts, ({ one }) => ({
  agreement: one(agreements, { fields: [accounts.agreementId], references: [agreements.id] }),
  group: one(accountGroups, { fields: [accounts.groupId], references: [accountGroups.id] }),
  tariffCategory: one(tariffCategories, { fields: [accounts.tariffCategoryId], references: [tariffCategories.id] }),
  locality: one(localities, { fields: [accounts.localityId], references: [localities.id] }),
}));
export const workOrdersRelations = relations(workOrders, ({ one }) => ({
  agreement: one(agreements, { fields: [workOrders.agreementId], references: [agreements.id] }),
  accountGroup: one(accountGroups, { fields: [workOrders.accountGroupId], references: [accountGroups.id] }),
  account: one(accounts, { fields: [workOrders.accountId], references: [accounts.id] }),
  branch: one(branches, { fields: [workOrders.branchId], references: [branches.id] }),
}));
export const agreementPaymentMethodsRelations = relations(agreementPaymentMethods, ({ one }) => ({
  agreement: one(agreements, { fields: [agreementPaymentMethods.agreementId], references: [agreements.id] }),
  entity: one(paymentEntities, { fields: [agreementPaymentMethods.entityId], references: [paymentEntities.id] }),
}));
