import { defineEntity, p } from '@mikro-orm/core';

const AccessTokenSchema = defineEntity({
  name: 'AccessToken',
  tableName: 'access_token',
  checks: [
    { name: 'access_token_kind_check', expression: "kind in ('JWT', 'API_KEY')" },
    { name: 'access_token_subject_check', expression: 'length(subject) >= 1 and length(subject) <= 200' },
    { name: 'access_token_role_check', expression: "role in ('OPERATOR', 'PLANNER', 'ADMIN')" },
    { name: 'access_token_secret_hash_check', expression: "(kind = 'API_KEY') = (secret_hash is not null)" },
  ],
  properties: {
    id: p.text().primary(),
    kind: p.text(),
    subject: p.text(),
    role: p.text(),
    facilityIds: p.array<number>().columnType('int[]').default([]),
    secretHash: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

/** A person's JWT or a system's API key, as issued (the secret only as a hash). */
export class AccessToken extends AccessTokenSchema.class {}
AccessTokenSchema.setClass(AccessToken);
