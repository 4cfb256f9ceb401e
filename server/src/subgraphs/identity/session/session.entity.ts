// A login session: the cookie holds a random token, the database only its hash.
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';

@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  abonentId!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  lastUsedAt: Date = new Date();

  @Property({ type: 'datetime' })
  idleExpiresAt!: Date;

  @Property({ type: 'datetime' })
  absoluteExpiresAt!: Date;
}
