import { relations } from 'drizzle-orm';
import { auditLog } from './audit';
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
