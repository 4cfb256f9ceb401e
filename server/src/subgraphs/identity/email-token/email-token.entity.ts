// A single-use link sent by e-mail (confirmation, password reset); only the token's hash is stored.
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';

export type EmailTokenPurpose = 'confirm_email' | 'reset_password';

@Entity({ tableName: 'email_token' })
export class EmailToken {
  [OptionalProps]?: 'createdAt' | 'usedAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  abonentId!: string;

  @Property({ type: 'string', length: 32 })
  purpose!: EmailTokenPurpose;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;

  /** Set when a newer link of the same purpose replaced this one. */
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
