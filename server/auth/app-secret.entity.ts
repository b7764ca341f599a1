import { defineEntity, p } from '@mikro-orm/core';

const AppSecretSchema = defineEntity({
  name: 'AppSecret',
  tableName: 'app_secret',
  checks: [{ name: 'app_secret_value_check', expression: 'length(value) >= 32' }],
  properties: {
    name: p.text().primary(),
    value: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});

/** A secret the platform generated for itself and keeps with its data (the JWT signing secret on PostgreSQL). */
export class AppSecret extends AppSecretSchema.class {}
AppSecretSchema.setClass(AppSecret);
