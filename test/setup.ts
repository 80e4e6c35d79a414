// The library is silent and so are its tests: any console output fails the test (zod's habit).
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[method] = (...args: unknown[]) => {
    throw new Error(`console.${method} called during a test: ${args.map(String).join(' ').slice(0, 200)}`);
  };
}
