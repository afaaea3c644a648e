export default async function globalTeardown() {
  await globalThis.__KINDRED_TEST_PG__?.stop();
}
