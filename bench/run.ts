// Grafast (PostGraphile, in the directory bench) asks for this and runs the same either way.
process.env.GRAPHILE_ENV ??= 'production';
// Servers are measured as deployed: graphql-js reads NODE_ENV once, when first imported (below, by each
// bench), and checks types the slow way outside production. The servers' own settings are given to
// loadConfig explicitly, and servers started as processes get no NODE_ENV.
process.env.NODE_ENV ??= 'production';

/** `npm run bench`: every benchmark of the project, each side by side with its reference where it has one. */
const benches: [string, () => Promise<void>][] = [
  ['client', async () => (await import('./client')).benchClient()],
  ['routing', async () => (await import('./routing')).benchRouting()],
  ['coverage', async () => (await import('./coverage')).benchCoverage()],
  ['load', async () => (await import('./load')).benchLoad()],
  ['directory', async () => (await import('./directory')).benchDirectory()],
  ['memory', async () => (await import('./directory')).benchStartupMemory()],
  ['nodes', async () => (await import('./nodes')).benchNodes()],
  ['sites', async () => (await import('./sites')).benchSites()],
  ['province', async () => (await import('./province')).benchProvince()],
];
const only = process.argv[2];
for (const [name, run] of benches) {
  if (only && only !== name) continue;
  try {
    await run();
  } catch (error) {
    console.error(`bench ${name} failed: ${(error as Error).stack}`);
    process.exitCode = 1;
  }
}

export {};
