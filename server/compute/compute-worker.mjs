// Worker threads start without the TypeScript loader of the thread that made them (vitest, tsx):
// register tsx here, then load the worker itself.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./compute.worker.ts');

export default worker.default;
