// Loads the schema of a running EcomErp host the way GraphiQL, graphql-codegen and Apollo's tooling do: graphql-js's own
// introspection query with every option on, then buildClientSchema, validateSchema and printSchema. Prints the SDL on
// stdout; any failure goes to stderr with a non-zero exit code.
// Usage: node introspect.mjs <graphql url> (API key in ECOMERP_API_KEY), or node introspect.mjs --query [plain] to print the query
// (with every option on, or graphql-js's defaults).
import { buildClientSchema, getIntrospectionQuery, printSchema, validateSchema } from 'graphql';

const [url] = process.argv.slice(2);
const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
if (url === '--query') {
  process.stdout.write(process.argv[3] === 'plain' ? getIntrospectionQuery() : query);
  process.exit(0);
}

const key = process.env.ECOMERP_API_KEY;
if (!url || !key) {
  console.error('usage: ECOMERP_API_KEY=<key> node introspect.mjs <graphql url> | node introspect.mjs --query');
  process.exit(2);
}

const response = await fetch(url, {
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    Authorization: `Bearer ${key}`,
  },
  body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
});
const body = await response.text();
let result;
try {
  result = JSON.parse(body);
} catch {
  console.error(`HTTP ${response.status}: not JSON: ${body.slice(0, 500)}`);
  process.exit(1);
}
if (!response.ok || result.errors?.length || !result.data) {
  console.error(`HTTP ${response.status}: ${JSON.stringify(result.errors ?? result)}`);
  process.exit(1);
}

const schema = buildClientSchema(result.data);
const problems = validateSchema(schema);
if (problems.length > 0) {
  console.error(`The client schema is invalid:\n${problems.map((problem) => problem.message).join('\n')}`);
  process.exit(1);
}
process.stdout.write(printSchema(schema));
