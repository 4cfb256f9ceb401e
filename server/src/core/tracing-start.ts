// Imported first by the entry points that serve requests: tracing (when configured) must start before Fastify and
// pg are loaded, so that its instrumentations see them load. ESM evaluates a module's imports in order.
import { startTracing } from './tracing.js';

startTracing();
