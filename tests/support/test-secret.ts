/** NEXTAUTH_SECRET for integration runs: the demo seed and the tests derive survey links with it. */
export const INTEGRATION_SECRET = "keystone-integration-secret-0123456789";
