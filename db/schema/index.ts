export * from './enums';
export * from './organization';
export * from './customers';
export * from './users';
export * from './audit';
export * from './crm';
export * from './billing';
export * from './relations';
