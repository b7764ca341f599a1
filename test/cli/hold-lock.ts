import { lockDataDir } from '../../server/db/data-dir-lock';

/** Test helper process: holds the data folder given as argument, as a server would, until it is killed. */
const [dataDir, kind] = process.argv.slice(2);
await lockDataDir(dataDir, { kind: kind === 'cli' ? 'cli' : 'server', label: 'the lock holder of the test' });
console.log('locked');
setInterval(() => undefined, 60_000);
