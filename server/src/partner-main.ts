// `npm run partner -- <command>`: operators create partner apps, issue and revoke their API keys.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { withSubgraphs } from './app.js';
import { PARTNER_SCOPES } from './core/caller.js';
import { bootstrap } from './core/process.js';
import { SupplierService } from './subgraphs/accounts/supplier/supplier.service.js';
import { parseScopes, PartnerInputError, PartnerService } from './subgraphs/identity/partner/partner.service.js';

const USAGE = `Usage:
  npm run partner -- create --supplier <code> --name <name> --scopes <scope,scope…>
  npm run partner -- key --app <app id>          issue another key (to rotate keys)
  npm run partner -- revoke --key <key id>       revoke one key
  npm run partner -- revoke --app <app id>       revoke the app and all its keys
  npm run partner -- list
Scopes: ${PARTNER_SCOPES.join(', ')}.
A key is printed once, when it is issued; Kabinet keeps only its hash.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    supplier: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'string' },
    app: { type: 'string' },
    key: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const command = positionals[0];
if (values.help || !command || !['create', 'key', 'revoke', 'list'].includes(command)) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}

const { config, log } = bootstrap('partner');
const print = (line = '') => process.stdout.write(`${line}\n`);

try {
  await withSubgraphs(config, log, 2, async (subgraphs) => {
    const pending = await subgraphs.identity.pendingMigrations();
    if (pending.length) throw new PartnerInputError('the database is not migrated: run `npm run migrate` first');
    const partners = new PartnerService(subgraphs.identity.orm.em.fork());
    // The operator names the supplier by code; the accounts subgraph's catalog knows its id.
    const suppliers = new SupplierService(subgraphs.accounts.orm.em.fork());
    await run(partners, suppliers);
  });
} catch (error) {
  if (error instanceof PartnerInputError) {
    process.stderr.write(`partner: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`partner: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

async function run(partners: PartnerService, suppliers: SupplierService): Promise<void> {
  switch (command) {
    case 'create': {
      if (!values.supplier) throw new PartnerInputError('give the supplier code (--supplier sankt-peterburg)');
      const supplier = await suppliers.findByCode(values.supplier);
      if (!supplier) throw new PartnerInputError(`no supplier with code ${values.supplier}`);
      const scopes = parseScopes(values.scopes ?? '');
      const { app, key } = await partners.create({ name: values.name ?? '', supplierId: supplier.id, scopes });
      print(`Partner app ${app.id} «${app.name}» created for ${supplier.name} (${supplier.code}).`);
      print(`Scopes: ${scopes.join(', ')}`);
      printKey(key);
      return;
    }
    case 'key': {
      if (!values.app) throw new PartnerInputError('give the app id (--app <id>)');
      printKey(await partners.issueKey(values.app));
      return;
    }
    case 'revoke': {
      const revoked = await partners.revoke({ keyId: values.key, appId: values.app });
      print(revoked ? 'Revoked.' : 'Nothing active with that id; nothing changed.');
      return;
    }
    case 'list': {
      const apps = await partners.list();
      if (!apps.length) print('No partner apps.');
      for (const app of apps) {
        print(
          `${app.id}  «${app.name}»  supplier ${app.supplierId}  [${app.scopes.join(', ')}]${app.revokedAt ? '  REVOKED' : ''}`,
        );
        for (const key of app.keys) {
          const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used';
          print(
            `  key ${key.id}  ${key.prefix}…  created ${key.createdAt.toISOString()}  ${used}${key.revokedAt ? '  REVOKED' : ''}`,
          );
        }
      }
      return;
    }
  }
}

function printKey(key: { keyId: string; apiKey: string }): void {
  print(`Key ${key.keyId}:`);
  print();
  print(`  ${key.apiKey}`);
  print();
  print('Give it to the partner now: it is shown only once. Requests send it as `Authorization: Bearer <key>`.');
}
