// Bundles the IDE (ide.jsx, GraphiQL, React) and Monaco's three editor workers into dist/assets/, every file named by
// its content hash so the host can let browsers cache them for a year, and writes dist/index.html (the page, served
// fresh) from index.html with those names filled in. Run by the Api project's build (EcomErp.Api.csproj) when dist/ is older than its inputs.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const dist = 'dist';
const outdir = `${dist}/assets`;
rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  minify: true,
  outdir,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  target: 'es2022',
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

// Classic (non-module) workers: Monaco creates them with new Worker(url), which every browser runs.
const workers = await build({
  ...common,
  format: 'iife',
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
});
const ide = await build({
  ...common,
  format: 'esm',
  jsx: 'automatic',
  entryPoints: { ide: 'ide.jsx' },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
});

// "ide.js" -> "ide-HASH.js" for every entry point and its stylesheet.
const names = {};
for (const [output, meta] of Object.entries({ ...workers.metafile.outputs, ...ide.metafile.outputs })) {
  const file = basename(output);
  if (meta.entryPoint || file.endsWith('.css')) {
    names[file.replace(/-[A-Z0-9]+(\.[a-z]+)$/, '$1')] = file;
  }
}

const page = readFileSync('index.html', 'utf8').replace(/\{\{([\w.]+)\}\}/g, (_, name) => {
  if (!names[name]) throw new Error(`index.html names ${name}, which the build did not write`);
  return names[name];
});
writeFileSync(`${dist}/index.html`, page);
console.log(`GraphQL IDE bundled into ${dist}/: ${Object.values(names).join(', ')}`);
