import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { format, resolveConfig } from 'prettier';
import { expect, test } from 'vitest';
import config from '../../codegen';

const GENERATED = 'client/api/generated';

/** What `graphql-codegen --config codegen.ts` writes, formatted as its prettier hook does, by path. */
async function regenerate(): Promise<Map<string, string>> {
  const outputs = await generate({ ...config, silent: true, hooks: {} }, false);
  const files = new Map<string, string>();
  for (const { filename, content } of outputs) {
    const filepath = path.resolve(filename);
    files.set(
      path.relative(GENERATED, filepath),
      await format(content, { ...(await resolveConfig(filepath)), filepath }),
    );
  }
  return files;
}

test('client/api/generated is what GraphQL Code Generator makes of schema/operations (run `npm run codegen`)', async () => {
  const generated = await regenerate();
  const committed = (await readdir(GENERATED)).sort();
  expect(committed).toEqual([...generated.keys()].sort());
  for (const [file, content] of generated) {
    expect(await readFile(path.join(GENERATED, file), 'utf8'), file).toBe(content);
  }
});
