// The GraphQL IDE's own code: GraphiQL from npm, pointed at this host. Everything it needs comes from the page's data-
// attributes (the page's policy runs no inline script) and from files next to this bundle (no CDN).
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './ide.css';

const root = document.getElementById('graphiql');
const { endpoint, headers, query, editorWorker, jsonWorker, graphqlWorker } = root.dataset;

// Monaco runs its language services in workers; each is a bundle of its own, served beside this one.
const workers = { json: jsonWorker, graphql: graphqlWorker };
globalThis.MonacoEnvironment = {
  getWorker: (_id, label) => new Worker(new URL(workers[label] ?? editorWorker, import.meta.url)),
};

const url = new URL(endpoint, location.href);
const subscriptionUrl = url.href.replace(/^http/, 'ws');

// Headers stay in the tab only (shouldPersistHeaders is off): an API key is not written to the browser's storage.
createRoot(root).render(
  <GraphiQL
    fetcher={createGraphiQLFetcher({ url: url.href, subscriptionUrl })}
    defaultQuery={query}
    defaultHeaders={headers}
    defaultEditorToolsVisibility="headers"
  />,
);
