import { runCli } from './run';

/** `npm run seed`: builds (or refreshes) the demo from the files the repository ships; through the running server when it holds the database. */
try {
  await runCli({ name: 'seed' }, 'npm run seed');
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
