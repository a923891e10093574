// Placeholder replaced below once database test setup lands.
export default async function setup() {}
