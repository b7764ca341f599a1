/** The JWT signing secret of test servers (CAREMAP_JWT_SECRET), so that tests can issue tokens they accept. */
export const TEST_JWT_SECRET = 'caremap-test-secret-only-for-the-test-suite';
