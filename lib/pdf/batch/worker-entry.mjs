// The file piscina starts in each render thread: production React (several times faster than
// development), TypeScript through tsx (the scripts, vitest and the web server all reach the same
// source), then the render function of worker.ts.
process.env.NODE_ENV = 'production';
const { tsImport } = await import('tsx/esm/api');
const mod = await tsImport('./worker.ts', import.meta.url);
export default mod.default.default ?? mod.default;
