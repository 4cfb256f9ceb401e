// A codegen document transform: `__typename` in every selection set of the web client's documents. urql's document
// cache learns from it which queries a mutation's result makes stale; the browser sends only a hash, so the server
// runs the trusted document as codegen wrote it, and that document must carry the typenames itself.
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

export const transform = addTypenameSelectionDocumentTransform.transform;
