// Every process's session cache (session/session-cache.ts) hears at commit, from these triggers, that an abonent's
// session ended (logout, a new login, a password change or reset, the cabinet deleted: sessions go with it) or that
// what their sessions carry changed (the address confirmed), whichever process or tool made the change.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261203000000NotifySessionChanges extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function "identity"."notify_session_ended"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('kabinet_sessions', old."abonent_id"::text);
        return null;
      end $$;`);
    this.addSql(`
      create trigger "session_ended" after delete on "identity"."session"
        for each row execute function "identity"."notify_session_ended"();`);
    this.addSql(`
      create function "identity"."notify_abonent_changed"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('kabinet_sessions', old."id"::text);
        return null;
      end $$;`);
    this.addSql(`
      create trigger "abonent_confirmation_changed" after update of "email_confirmed_at" on "identity"."abonent"
        for each row when (old."email_confirmed_at" is distinct from new."email_confirmed_at")
        execute function "identity"."notify_abonent_changed"();`);
  }
}
