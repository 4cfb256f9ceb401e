// `npm run schema`: regenerates the committed GraphQL contract in schema/.
import 'reflect-metadata';
import { emitSchemaFiles, SCHEMA_DIR, writeSchemaFiles } from './schema/emit.js';

const files = await emitSchemaFiles();
await writeSchemaFiles(files);
process.stdout.write(`wrote ${[...files.keys()].map((f) => `schema/${f}`).join(', ')} in ${SCHEMA_DIR}\n`);
